import Foundation

/// Reads project tables as CSV (`.csv`); see docs/DATA.md for the columns.
public struct CSVDatasetReader: TextDatasetReader {
    public var formatID: String { "csv" }
    public var fileSuffixes: [String] { [".csv"] }

    public init() {}

    public func read(text: String, file: String, context: DatasetReadContext, problems: ProblemList) -> Dataset {
        ProjectCSVReader(file: file, vocabulary: context.vocabulary, problems: problems, languages: context.languages).read(text)
    }
}
