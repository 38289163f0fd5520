import CYaml
import Yams

/// Composes Hamkor's YAML files safely: anchors and aliases (`&name`, `*name`, from which
/// "billion laughs" bombs are built) and nesting deeper than ``DatasetLimits/maxNestingDepth``
/// are refused before any node is built.
///
/// The check runs libyaml's own event parser, the one Yams composes from, over the same bytes,
/// so it sees exactly the anchors and aliases the composer would: a quoted string ending in a
/// backslash, a block scalar or a comment cannot hide one from it. Events are produced in time
/// linear in the text and hold no expanded alias, so the check itself cannot be made to blow up.
/// This is the only Hamkor code that touches libyaml directly; nothing else sees its pointers.
public enum YAMLSafetyGuard {
    /// The root node of `text`, or `nil` for a file holding only comments, after the safety check.
    ///
    /// - Throws: ``DataError/invalid(_:)`` with the located problem (an anchor, an alias, too
    ///   deep a nesting, or a syntax error).
    public static func compose(_ text: String, file: String) throws(DataError) -> Node? {
        if let problem = check(text, file: file) { throw DataError.invalid([problem]) }
        return try composeChecked(text, file: file)
    }

    /// Composes text already known to hold no anchor, alias or deep nesting (checked by
    /// ``check(_:file:)``, or strict JSON, whose grammar has none).
    static func composeChecked(_ text: String, file: String) throws(DataError) -> Node? {
        do {
            // The basic resolver: Hamkor reads every scalar as text and decides its type itself,
            // so the default resolver's regular expressions (run on every mapping key by the
            // composer's duplicate-key check) would cost time and decide nothing.
            return try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw DataError.invalid([YAMLErrorLocation.problem(error, file: file)])
        } catch {
            throw DataError.invalid([DataProblem(SourceLocation(file: file), "cannot parse: \(error)")])
        }
    }

    /// The first anchor, alias or too-deep nesting in `text`, if any. A syntax error ends the
    /// check without a problem: composing the text then reports it, located, from the same parser.
    public static func check(_ text: String, file: String) -> DataProblem? {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            scan(bytes, file: file)
        } ?? nil
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> DataProblem? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return DataProblem(SourceLocation(file: file), "cannot start the YAML parser (out of memory)")
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var depth = 0
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            let location = SourceLocation(file: file, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            let anchored: Bool
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_ALIAS_EVENT:
                return DataProblem(location, "YAML aliases (*name) are not allowed in Hamkor files; write the value out")
            case YAML_SCALAR_EVENT:
                anchored = event.data.scalar.anchor != nil
            case YAML_SEQUENCE_START_EVENT:
                anchored = event.data.sequence_start.anchor != nil
                depth += 1
            case YAML_MAPPING_START_EVENT:
                anchored = event.data.mapping_start.anchor != nil
                depth += 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                anchored = false
                depth -= 1
            default:
                anchored = false
            }
            if anchored {
                return DataProblem(location, "YAML anchors (&name) are not allowed in Hamkor files; write the value out")
            }
            if depth > DatasetLimits.maxNestingDepth {
                return DataProblem(location, "nested more than \(DatasetLimits.maxNestingDepth) levels deep; Hamkor files need far fewer")
            }
        }
        return nil
    }
}
