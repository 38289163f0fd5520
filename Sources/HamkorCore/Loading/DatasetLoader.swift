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
                if found.isEmpty {
                    throw DataError.unreadable(path: path.path, reason: "the folder holds no data files (.yaml, .yml, .json or .csv)")
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
        return read(text, file: url.path, isCSV: url.pathExtension.lowercased() == "csv", problems: problems)
    }

    /// Parses and validates one file's text without touching the file system — the entry point
    /// for fuzzing and for callers that hold the text already. `file` names the source in
    /// messages; its extension chooses the reader (`.csv`: a project table, else YAML/JSON).
    ///
    /// - Throws: ``DataError/invalid(_:)`` listing every problem.
    public func load(text: String, file: String) throws -> Dataset {
        let problems = ProblemList()
        let dataset = read(text, file: file, isCSV: file.lowercased().hasSuffix(".csv"), problems: problems)
        DatasetValidator(problems: problems).validate(dataset)
        guard problems.isEmpty else { throw DataError.invalid(problems.problems) }
        return dataset
    }

    private func read(_ text: String, file: String, isCSV: Bool, problems: ProblemList) -> Dataset {
        // An empty (or blank, or comment-only) data file is almost always a mistake — a failed
        // export, a truncated copy — so it is an error rather than a silently empty dataset.
        if text.allSatisfy(\.isWhitespace) {
            problems.add(SourceLocation(file: file), field: nil, "the file is empty; a data file needs at least one record")
            return Dataset()
        }
        if isCSV {
            return ProjectCSVReader(file: file, vocabulary: vocabulary, problems: problems).read(text)
        }
        let root: Node?
        do {
            root = file.lowercased().hasSuffix(".json") ? try StrictJSON.compose(text, file: file)
                                                         : try YAMLSafetyGuard.compose(text, file: file)
        } catch {
            if case .invalid(let found) = error { found.forEach(problems.add) }
            return Dataset()
        }
        guard let root else {
            problems.add(SourceLocation(file: file), field: nil, "the file holds only comments; a data file needs at least one record")
            return Dataset()
        }
        let reader = YAMLNodeReader(file: file, problems: problems)
        return DatasetYAMLReader(reader: reader, vocabulary: vocabulary).read(root)
    }
}
