/// Refuses YAML/JSON nested deeper than ``DatasetLimits/maxNestingDepth`` before it is parsed,
/// so that hostile input cannot exhaust the parser's stack.
enum NestingGuard {
    static func check(_ text: String, file: String) -> DataProblem? {
        var depth = 0, line = 1, column = 0
        var quote: Character?
        var lineStart = true, indent = 0
        for character in text {
            column += 1
            if character == "\n" || character == "\r\n" {
                line += 1; column = 0; lineStart = true; indent = 0
                if quote == "'" || quote == "\"" { continue }
                continue
            }
            if lineStart {
                if character == " " { indent += 1; continue }
                lineStart = false
                if indent > DatasetLimits.maxNestingDepth * 4 {
                    return DataProblem(SourceLocation(file: file, line: line, column: column),
                                       "indented \(indent) columns deep; Hamkor files nest at most \(DatasetLimits.maxNestingDepth) levels")
                }
            }
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "#": if column == 1 { quote = "\n" }  // a comment runs to the end of the line
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
