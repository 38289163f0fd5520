import Foundation
import HamkorCore
import Yams

/// Reads typed values out of a composed job-file node tree, recording located problems.
///
/// Accessors return `nil` after recording a problem, so reading continues and every problem
/// in the file surfaces at once. Anchors and aliases are refused.
struct JobYAMLReader {
    let file: String
    let problems: JobProblems

    func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    func fail(_ node: Node?, _ field: String?, _ message: String) {
        problems.add(location(node), field: field, message)
    }

    /// The pairs of a mapping, in file order, with unknown keys reported ("did you mean").
    func mapping(_ node: Node, _ field: String, allowed: [String]) -> [(key: String, value: Node, keyNode: Node)]? {
        guard refuseAnchor(node, field) else { return nil }
        guard case .mapping(let mapping) = node else {
            fail(node, field.isEmpty ? nil : field, "expected a mapping (key: value), found \(describe(node))")
            return nil
        }
        var pairs: [(key: String, value: Node, keyNode: Node)] = []
        for (keyNode, value) in mapping {
            guard refuseAnchor(keyNode, field), case .scalar(let scalar) = keyNode else {
                fail(keyNode, field.isEmpty ? nil : field, "keys must be plain text")
                continue
            }
            let key = scalar.string
            let path = field.isEmpty ? key : "\(field).\(key)"
            guard allowed.contains(key) else {
                let hint = Suggestion.closest(to: key, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
                fail(keyNode, path, "unknown field '\(key)'\(hint) (allowed: \(allowed.joined(separator: ", ")))")
                continue
            }
            pairs.append((key, value, keyNode))
        }
        return pairs
    }

    func sequence(_ node: Node, _ field: String) -> [Node]? {
        guard refuseAnchor(node, field) else { return nil }
        guard case .sequence(let sequence) = node else {
            fail(node, field, "expected a list, found \(describe(node))")
            return nil
        }
        return Array(sequence)
    }

    /// A list, or a single scalar standing for a one-element list.
    func listOrScalar(_ node: Node, _ field: String) -> [Node]? {
        if case .scalar = node, node.anchor == nil { return [node] }
        return sequence(node, field)
    }

    func string(_ node: Node, _ field: String) -> String? {
        guard refuseAnchor(node, field) else { return nil }
        guard case .scalar(let scalar) = node else {
            fail(node, field, "expected text, found \(describe(node))")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            fail(node, field, "must not be empty")
            return nil
        }
        if let bad = text.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            fail(node, field, "contains the control character U+\(String(bad.value, radix: 16, uppercase: true))")
            return nil
        }
        if text.count > 1000 {
            fail(node, field, "is \(text.count) characters long; the limit is 1000")
            return nil
        }
        return text
    }

    func bool(_ node: Node, _ field: String) -> Bool? {
        guard let text = string(node, field) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            fail(node, field, "expected true or false, found '\(text.prefix(40))'")
            return nil
        }
    }

    /// The column in the file of the character at `offset` (0-based) inside a scalar's text,
    /// when the scalar sits on one line; otherwise the scalar's own location.
    func location(_ node: Node, offset: Int) -> SourceLocation {
        var location = location(node)
        guard case .scalar(let scalar) = node, location.line > 0, !scalar.string.contains("\n") else { return location }
        let quote = (scalar.style == .singleQuoted || scalar.style == .doubleQuoted) ? 1 : 0
        location.column += quote + offset
        return location
    }

    /// Anchors and aliases are refused: they are how "billion laughs" bombs are built.
    func refuseAnchor(_ node: Node, _ field: String) -> Bool {
        if case .alias = node {
            fail(node, field.isEmpty ? nil : field, "YAML aliases (*name) are not allowed in job files; write the value out")
            return false
        }
        if node.anchor != nil {
            fail(node, field.isEmpty ? nil : field, "YAML anchors (&name) are not allowed in job files; write the value out")
            return false
        }
        return true
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): scalar.string.isEmpty ? "an empty value" : "'\(scalar.string.prefix(40))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
