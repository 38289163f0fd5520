import Foundation

/// Reads datasets written in JSON (`.json`): the YAML schema, with JSON's strictness kept
/// (a trailing comma is refused so files stay valid for other tools).
public struct JSONDatasetReader: TextDatasetReader {
    public var formatID: String { "json" }
    public var fileSuffixes: [String] { [".json"] }

    public init() {}

    public func read(text: String, file: String, context: DatasetReadContext, problems: ProblemList) -> Dataset {
        if let problem = JSONStrictness.trailingComma(in: text, file: file) {
            problems.add(problem)
            return Dataset()
        }
        return YAMLDatasetReader().read(text: text, file: file, context: context, problems: problems)
    }
}
