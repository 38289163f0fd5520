import Foundation
import Yams

/// Reads datasets written in YAML (`.yaml`, `.yml`); see docs/DATA.md for the schema.
public struct YAMLDatasetReader: TextDatasetReader {
    public var formatID: String { "yaml" }
    public var fileSuffixes: [String] { [".yaml", ".yml"] }

    public init() {}

    public func read(text: String, file: String, context: DatasetReadContext, problems: ProblemList) -> Dataset {
        if let problem = YAMLSafetyGuard.check(text, file: file) {
            problems.add(problem)
            return Dataset()
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            problems.add(YAMLErrorLocation.problem(error, file: file))
            return Dataset()
        } catch {
            problems.add(SourceLocation(file: file), field: nil, "cannot parse: \(error)")
            return Dataset()
        }
        guard let root else {
            problems.add(SourceLocation(file: file), field: nil, "the file holds only comments; a data file needs at least one record")
            return Dataset()
        }
        let reader = YAMLNodeReader(file: file, problems: problems)
        return DatasetYAMLReader(reader: reader, vocabulary: context.vocabulary).read(root)
    }
}
