import Foundation

/// Reads project tables as CSV (`.csv`); see docs/DATA.md for the columns.
public struct CSVDatasetReader: TextDatasetReader {
    public var formatID: String { "csv" }
    public var fileSuffixes: [String] { [".csv"] }

    public init() {}

    /// Reads the file's bytes, checked as ``SourceText`` checks text, straight into the project
    /// columns: no `String` of the whole file.
    public func read(_ file: URL, context: DatasetReadContext, problems: ProblemList) throws -> Dataset {
        let data = try SourceText.readData(file, limit: DatasetLimits.maxFileBytes)
        return try SourceText.withCheckedBytes(data, file: file.path) { bytes in
            if Self.refusesBlank(bytes, file: file.path, problems: problems) { return Dataset() }
            return ProjectCSVReader(file: file.path, vocabulary: context.vocabulary, problems: problems, languages: context.languages)
                .read(bytes: bytes)
        }
    }

    public func read(text: String, file: String, context: DatasetReadContext, problems: ProblemList) -> Dataset {
        ProjectCSVReader(file: file, vocabulary: context.vocabulary, problems: problems, languages: context.languages).read(text)
    }
}
