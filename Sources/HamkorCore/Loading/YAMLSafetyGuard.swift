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
        for character in text {
            column += 1
            if character == "\n" || character == "\r\n" || character == "\r" {
                line += 1; column = 0; lineStart = true; indent = 0; inComment = false; previous = "\n"
                continue
            }
            defer { previous = character }
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
            let atTokenStart = previous == "\n" || previous == " " || previous == "\t" || previous == "[" || previous == "{" || previous == ","
            switch character {
            case "\"" where atTokenStart || previous == ":", "'" where atTokenStart:
                quote = character
            case "#" where atTokenStart:
                inComment = true
            case "&" where atTokenStart, "*" where atTokenStart:
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
