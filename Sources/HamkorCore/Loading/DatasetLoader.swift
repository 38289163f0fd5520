import Foundation
import HamkorLocalization
import Synchronization

/// Loads datasets from files and folders through a ``DatasetReaderRegistry``, merges them and
/// validates the result.
///
/// Every problem in every file is collected; the load throws ``DataError/invalid(_:)`` listing
/// them all, or ``DataError/notFound(path:)`` for a path that does not exist.
public struct DatasetLoader: Sendable {
    /// The file extensions the built-in readers take.
    public static let dataExtensions: Set<String> = ["yaml", "yml", "json", "csv"]

    public let vocabulary: Vocabulary
    public let readers: DatasetReaderRegistry
    /// Report parameters handed to every reader (sources that select rows by them).
    public let parameters: [String: String]
    /// The languages whose texts the loaded dataset keeps, `nil` (the default) for all.
    ///
    /// A projection, as a query engine pushes it down into its scan: every text in every
    /// language is still read and checked, and every problem reported, exactly as without it;
    /// project names in other languages are then not stored, which saves most of the memory
    /// of a large dataset's names. English is always kept, as the fallback of every language.
    /// A report in one language needs `[language]`; `validate`, `import` and batch jobs keep all.
    public let languages: Set<LanguageTag>?

    public init(vocabulary: Vocabulary, readers: DatasetReaderRegistry = .builtIn, parameters: [String: String] = [:],
                languages: Set<LanguageTag>? = nil) {
        self.vocabulary = vocabulary
        self.readers = readers
        self.parameters = parameters
        self.languages = languages
    }

    private var context: DatasetReadContext { DatasetReadContext(vocabulary: vocabulary, parameters: parameters, languages: languages) }

    /// `part` with only the kept languages' names (a part whose reader kept them already is unchanged).
    private func projected(_ part: Dataset) -> Dataset {
        guard let languages else { return part }
        var part = part
        part.projects.keepNames(in: languages)
        return part
    }

    /// Loads and validates every file named or found (recursively, sorted) in the folders given.
    ///
    /// Files are read in parallel, one per processor at a time, each with its own problem list;
    /// parts and problems are merged in file order, so the result and the messages are those of
    /// reading the files one after another.
    public func load(_ paths: [URL]) throws -> Dataset {
        let files = try expand(paths)
        let problems = ProblemList()
        var dataset = Dataset()
        var first = true
        let wave = max(1, ProcessInfo.processInfo.activeProcessorCount)
        for start in stride(from: 0, to: files.count, by: wave) {
            for outcome in loadInParallel(Array(files[start..<min(start + wave, files.count)])) {
                outcome.problems.forEach(problems.add)
                switch outcome.result {
                case .success(let part):
                    if first { dataset = part; first = false } else { dataset.merge(part) }
                case .failure(let error):
                    guard case DataError.invalid(let found) = error else { throw error }
                    found.forEach(problems.add)
                }
            }
        }
        DatasetValidator(problems: problems).validate(dataset)
        guard problems.isEmpty else { throw DataError.invalid(problems.problems) }
        return dataset
    }

    /// One file's part, or the error that stopped its reading, with the problems it reported.
    private struct FileOutcome {
        var result: Result<Dataset, any Error>
        var problems: [DataProblem]
    }

    /// Reads `files` at the same time, one thread each; outcomes in the files' order.
    private func loadInParallel(_ files: [URL]) -> [FileOutcome] {
        let outcomes = Mutex([FileOutcome?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let problems = ProblemList()
            let result = Result { try projected(loadFile(files[index], problems: problems)) }
            let outcome = FileOutcome(result: result, problems: problems.problems)
            outcomes.withLock { $0[index] = outcome }
        }
        return outcomes.withLock { $0.map { $0! } }
    }

    /// The data files a list of paths stands for: files as given, folders searched recursively
    /// (skipping companions such as a workbook's profile).
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
                for case let url as URL in enumerator
                where readers.reader(for: url.lastPathComponent) != nil && !readers.isCompanion(url.lastPathComponent) {
                    found.append(url)
                }
                if !FileManager.default.isReadableFile(atPath: path.path) {
                    throw DataError.unreadable(path: path.path, reason: "permission denied")
                }
                if found.isEmpty {
                    throw DataError.unreadable(path: path.path, reason: "the folder holds no data files (\(readers.suffixList))")
                }
                files += found.sorted { $0.path < $1.path }
            } else {
                guard readers.reader(for: path.lastPathComponent) != nil else {
                    throw DataError.invalid([DataProblem(SourceLocation(file: path.path),
                                                         "unsupported file type '.\(path.pathExtension)'; use \(readers.suffixList)")])
                }
                files.append(path)
            }
        }
        return files
    }

    /// Reads one file with its reader; problems go to `problems`.
    func loadFile(_ url: URL, problems: ProblemList) throws -> Dataset {
        guard let reader = readers.reader(for: url.lastPathComponent) else {
            throw DataError.invalid([DataProblem(SourceLocation(file: url.path),
                                                 "unsupported file type '.\(url.pathExtension)'; use \(readers.suffixList)")])
        }
        return try reader.read(url, context: context, problems: problems)
    }

    /// Parses and validates one file's text without touching the file system — the entry point
    /// for fuzzing and for callers that hold the text already. `file` names the source in
    /// messages; its ending chooses the reader, which must read text (`.csv`: a project table,
    /// else YAML/JSON).
    ///
    /// - Throws: ``DataError/invalid(_:)`` listing every problem.
    public func load(text: String, file: String) throws -> Dataset {
        let problems = ProblemList()
        let reader = (readers.reader(for: file) as? any TextDatasetReader) ?? YAMLDatasetReader()
        let dataset = projected(reader.readChecked(text: text, file: file, context: context, problems: problems))
        DatasetValidator(problems: problems).validate(dataset)
        guard problems.isEmpty else { throw DataError.invalid(problems.problems) }
        return dataset
    }
}
