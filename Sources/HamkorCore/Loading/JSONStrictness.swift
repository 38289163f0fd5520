/// JSON files are parsed by the YAML parser (JSON is a subset of YAML 1.2), which would quietly
/// accept things JSON does not allow. This catches the common one, a trailing comma
/// (`[1, 2,]`, `{"a": 1,}`), so a `.json` file that other tools would reject is refused too.
enum JSONStrictness {
    static func trailingComma(in text: String, file: String) -> DataProblem? {
        var inString = false, escaped = false
        var line = 1, column = 0
        var comma: (line: Int, column: Int)?
        for scalar in text.unicodeScalars {
            column += 1
            if scalar == "\n" { line += 1; column = 0; continue }
            if inString {
                if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "\"" { inString = false }
                continue
            }
            switch scalar {
            case " ", "\t", "\r": continue
            case ",": comma = (line, column); continue
            case "]", "}":
                if let comma {
                    return DataProblem(SourceLocation(file: file, line: comma.line, column: comma.column),
                                       "trailing comma before '\(scalar)'; JSON does not allow it")
                }
            case "\"": inString = true
            default: break
            }
            comma = nil
        }
        return nil
    }
}
