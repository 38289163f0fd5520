import Foundation
import Yams

/// Reads datasets written in YAML (`.yaml`, `.yml`); see docs/DATA.md for the schema.
public struct YAMLDatasetReader: TextDatasetReader {
    public var formatID: String { "yaml" }
    public var fileSuffixes: [String] { [".yaml", ".yml"] }

    public init() {}

    public func read(text: String, file: String, context: DatasetReadContext, problems: ProblemList) -> Dataset {
        let root: Node?
        do {
            root = try YAMLSafetyGuard.compose(text, file: file)
        } catch {
            if case .invalid(let found) = error { found.forEach(problems.add) }
            return Dataset()
        }
        return Self.dataset(root, file: file, context: context, problems: problems)
    }

    /// The records of a composed YAML or JSON document.
    static func dataset(_ root: Node?, file: String, context: DatasetReadContext, problems: ProblemList) -> Dataset {
        guard let root else {
            problems.add(SourceLocation(file: file), field: nil, "the file holds only comments; a data file needs at least one record")
            return Dataset()
        }
        let reader = YAMLNodeReader(file: file, problems: problems)
        return DatasetYAMLReader(reader: reader, vocabulary: context.vocabulary).read(root)
    }
}
