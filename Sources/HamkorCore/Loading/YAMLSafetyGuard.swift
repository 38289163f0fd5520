/// Refuses, before parsing, YAML that could exhaust memory or the parser's stack: nesting
/// deeper than ``DatasetLimits/maxNestingDepth`` and anchors or aliases (`&name`, `*name`),
/// from which "billion laughs" bombs are built. Hamkor files never need either.
public enum YAMLSafetyGuard {
    /// The first problem found, if any.
    public static func check(_ text: String, file: String) -> DataProblem? {
        var depth = 0, line = 1, column = 0
        var quote: Character?
        var inComment = false
        var lineStart = true, indent = 0
        var previous: Character = "\n"
        // The last non-blank character on this line outside quotes, and the one before it:
        // a YAML node (and so an anchor or alias) can only start after `:`, `-`, `?`, `[`, `{`,
        // `,` or at the start of a line; a `*` inside `0 7 * * MON` is plain text.
        var lastNonBlank: Character?
        var beforeLastNonBlank: Character?
        for character in text {
            column += 1
            if character == "\n" || character == "\r\n" || character == "\r" {
                line += 1; column = 0; lineStart = true; indent = 0; inComment = false; previous = "\n"
                lastNonBlank = nil; beforeLastNonBlank = nil
                continue
            }
            defer {
                if !lineStart, quote == nil, !inComment, character != " ", character != "\t" {
                    beforeLastNonBlank = previous
                    lastNonBlank = character
                }
                previous = character
            }
            if inComment { continue }
            if lineStart {
                // Compact nested block sequences and complex keys (`- - - x`, `? ? x`) nest
                // without indentation, so their indicators count as indentation here.
                if character == " " || character == "-" || character == "?" { indent += 1; continue }
                lineStart = false
                if indent > DatasetLimits.maxNestingDepth * 4 {
                    return DataProblem(SourceLocation(file: file, line: line, column: column),
                                       "indented \(indent) columns deep; Hamkor files nest at most \(DatasetLimits.maxNestingDepth) levels")
                }
            }
            if let open = quote {
                if character == open && previous != "\\" || (open == "'" && character == "'") { quote = nil }
                continue
            }
            let atNodeStart: Bool = {
                guard let last = lastNonBlank else { return true }
                if ":[{,?".contains(last) { return true }
                return last == "-" && (beforeLastNonBlank == nil || beforeLastNonBlank == " " || beforeLastNonBlank == "\t"
                                       || beforeLastNonBlank == "\n")
            }()
            let afterBlank = previous == "\n" || previous == " " || previous == "\t"
            switch character {
            case "\"" where atNodeStart, "'" where atNodeStart:
                quote = character
            case "#" where afterBlank:
                inComment = true
            case "&" where atNodeStart, "*" where atNodeStart:
                return DataProblem(SourceLocation(file: file, line: line, column: column),
                                   "YAML anchors and aliases (&name, *name) are not allowed in Hamkor files; write the value out")
            case "[", "{":
                depth += 1
                if depth > DatasetLimits.maxNestingDepth {
                    return DataProblem(SourceLocation(file: file, line: line, column: column),
                                       "nested more than \(DatasetLimits.maxNestingDepth) levels deep")
                }
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }
}
