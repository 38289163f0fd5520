import Foundation
import Yams

/// Loads datasets from YAML, JSON and CSV files and folders, merges them and validates the result.
///
/// Every problem in every file is collected; the load throws ``DataError/invalid(_:)`` listing
/// them all, or ``DataError/notFound(path:)`` for a path that does not exist.
public struct DatasetLoader: Sendable {
    /// The file extensions read from folders.
    public static let dataExtensions: Set<String> = ["yaml", "yml", "json", "csv"]

    public let vocabulary: Vocabulary

    public init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
    }

    /// Loads and validates every file named or found (recursively, sorted) in the folders given.
    public func load(_ paths: [URL]) throws -> Dataset {
        let files = try expand(paths)
        let problems = ProblemList()
        var dataset = Dataset()
        var first = true
        for file in files {
            let part: Dataset
            do {
                part = try loadFile(file, problems: problems)
            } catch let error as DataError {
                if case .invalid(let found) = error { found.forEach(problems.add); continue }
                throw error
            }
            if first { dataset = part; first = false } else { dataset.merge(part) }
        }
        DatasetValidator(problems: problems).validate(dataset)
        guard problems.isEmpty else { throw DataError.invalid(problems.problems) }
        return dataset
    }

    /// The data files a list of paths stands for: files as given, folders searched recursively.
    public func expand(_ paths: [URL]) throws -> [URL] {
        var files: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
                throw DataError.notFound(path: path.path)
            }
            if isDirectory.boolValue {
                guard let enumerator = FileManager.default.enumerator(at: path, includingPropertiesForKeys: [.isRegularFileKey]) else {
                    throw DataError.unreadable(path: path.path, reason: "cannot list folder")
                }
                var found: [URL] = []
                for case let url as URL in enumerator where Self.dataExtensions.contains(url.pathExtension.lowercased()) {
                    found.append(url)
                }
                if !FileManager.default.isReadableFile(atPath: path.path) {
                    throw DataError.unreadable(path: path.path, reason: "permission denied")
                }
                files += found.sorted { $0.path < $1.path }
            } else {
                guard Self.dataExtensions.contains(path.pathExtension.lowercased()) else {
                    throw DataError.invalid([DataProblem(SourceLocation(file: path.path),
                                                         "unsupported file type '.\(path.pathExtension)'; use .yaml, .yml, .json or .csv")])
                }
                files.append(path)
            }
        }
        return files
    }

    /// Reads one file; problems go to `problems`.
    func loadFile(_ url: URL, problems: ProblemList) throws -> Dataset {
        let text = try SourceText.read(url)
        let file = url.path
        if url.pathExtension.lowercased() == "csv" {
            return ProjectCSVReader(file: file, vocabulary: vocabulary, problems: problems).read(text)
        }
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
        }
        let reader = YAMLNodeReader(file: file, problems: problems)
        return DatasetYAMLReader(reader: reader, vocabulary: vocabulary).read(root)
    }
}
