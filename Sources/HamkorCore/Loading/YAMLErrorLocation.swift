import Yams

/// Turns a Yams syntax error into a located ``DataProblem``.
public enum YAMLErrorLocation {
    /// The problem a Yams error describes, at its line and column.
    public static func problem(_ error: YamlError, file: String) -> DataProblem {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem == "but found another document" {
                return DataProblem(SourceLocation(file: file, line: mark.line, column: mark.column),
                                   "a second YAML document starts here ('---'); a Hamkor file holds one document: put everything in it or split it into several files")
            }
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return DataProblem(SourceLocation(file: file, line: mark.line, column: mark.column), "syntax error: \(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return DataProblem(SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                               "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping")
        case .reader(let problem, let offset, let value, let yaml):
            // libyaml refuses a character (a control character, U+FFFE) at a byte offset.
            guard let offset else { return DataProblem(SourceLocation(file: file), "cannot read: \(problem)") }
            let (line, column) = SourceText.position(ofByte: offset, in: yaml)
            let character = value >= 0 ? " (U+\(String(value, radix: 16, uppercase: true).leftPadded(to: 4)))" : ""
            return DataProblem(SourceLocation(file: file, line: line, column: column), "\(problem)\(character); remove it")
        default:
            return DataProblem(SourceLocation(file: file), "cannot parse: \(error)")
        }
    }
}
