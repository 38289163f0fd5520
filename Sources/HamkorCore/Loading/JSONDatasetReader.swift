import Foundation
import Yams

/// Reads datasets written in JSON (`.json`): the YAML schema, parsed as strict RFC 8259 JSON
/// (``StrictJSON``) so files stay valid for other tools.
public struct JSONDatasetReader: TextDatasetReader {
    public var formatID: String { "json" }
    public var fileSuffixes: [String] { [".json"] }

    public init() {}

    public func read(text: String, file: String, context: DatasetReadContext, problems: ProblemList) -> Dataset {
        let root: Node?
        do {
            root = try StrictJSON.compose(text, file: file)
        } catch {
            if case .invalid(let found) = error { found.forEach(problems.add) }
            return Dataset()
        }
        return YAMLDatasetReader.dataset(root, file: file, context: context, problems: problems)
    }
}
