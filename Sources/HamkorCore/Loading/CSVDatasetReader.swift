import Foundation

/// Reads project tables as CSV (`.csv`); see docs/DATA.md for the columns.
public struct CSVDatasetReader: TextDatasetReader {
    public var formatID: String { "csv" }
    public var fileSuffixes: [String] { [".csv"] }

    public init() {}

    /// Reads the file's bytes into one of the context's buffers, checked as ``SourceText``
    /// checks text, straight into the project columns: no `String` of the whole file.
    public func read(_ file: URL, context: DatasetReadContext, problems: ProblemList) throws -> Dataset {
        try context.buffers.withBuffer { buffer in
            let count = try SourceText.read(file, limit: DatasetLimits.maxFileBytes, into: &buffer)
            return try buffer.withUnsafeBufferPointer { read in
                try SourceText.withCheckedBytes(UnsafeBufferPointer(rebasing: read[..<count]), file: file.path) { bytes, mayHoldRefused in
                    if Self.refusesBlank(bytes, file: file.path, problems: problems) { return Dataset() }
                    return ProjectCSVReader(file: file.path, vocabulary: context.vocabulary, problems: problems, languages: context.languages)
                        .read(bytes: bytes, screened: !mayHoldRefused)
                }
            }
        }
    }

    public func read(text: String, file: String, context: DatasetReadContext, problems: ProblemList) -> Dataset {
        ProjectCSVReader(file: file, vocabulary: context.vocabulary, problems: problems, languages: context.languages).read(text)
    }
}
