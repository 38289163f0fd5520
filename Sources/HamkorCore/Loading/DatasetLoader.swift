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

    /// A context for readers of `files` files, with buffers of its own: one load's readers share them.
    private func readContext(files: Int = 1) -> DatasetReadContext {
        DatasetReadContext(vocabulary: vocabulary, parameters: parameters, languages: languages, buffers: ReadBuffers(reads: files))
    }

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
    /// parts and problems are merged in file order as the files finish (while the next ones are
    /// read), so the result and the messages are those of reading the files one after another.
    public func load(_ paths: [URL]) throws -> Dataset {
        let files = try expand(paths)
        let sizes = files.map { (try? $0.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? nil ?? 0 }
        let merge = Mutex(MergeState(sizes: sizes))
        let context = readContext(files: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let found = ProblemList()
            let result = Result { try projected(loadFile(files[index], problems: found, context: context)) }
            let outcome = FileOutcome(result: result, problems: found.problems)
            merge.withLock { state in
                state.waiting[index] = outcome
                while let next = state.waiting.removeValue(forKey: state.merged) {
                    state.merged += 1
                    state.take(next)
                }
            }
        }
        let problems = ProblemList()
        let dataset = try merge.withLock { state in
            if let error = state.error { throw error }
            state.problems.forEach(problems.add)
            return state.dataset
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

    /// The files merged so far, in file order, and the outcomes that finished ahead of their turn.
    private struct MergeState {
        /// The size in bytes of each file, for reserving the columns' room once the first part is in.
        let sizes: [Int]
        var dataset = Dataset()
        var first = true
        /// Whether the project columns have had their room reserved.
        var reserved = false
        /// How many files have been merged: the index of the next one to merge.
        var merged = 0
        var waiting: [Int: FileOutcome] = [:]
        /// The problems of the files merged, in file order, up to a problem list's limit.
        var problems: [DataProblem] = []
        /// The first error, in file order, that is not a list of problems; nothing is merged after it.
        var error: (any Error)?

        private mutating func add(_ found: [DataProblem]) {
            problems += found.prefix(max(0, ProblemList.defaultLimit - problems.count))
        }

        mutating func take(_ outcome: FileOutcome) {
            guard error == nil else { return }
            add(outcome.problems)
            switch outcome.result {
            case .success(let part):
                if first { dataset = part; first = false } else { dataset.merge(part) }
                if !reserved && !dataset.projects.isEmpty {
                    // Room for the projects of every file, guessed from the rows per byte so far,
                    // with a quarter to spare: later files may hold longer names or lists (an id
                    // in a name grows with the row number), and outgrowing the guess near the end
                    // would copy a whole column. Room never written to costs address space only.
                    reserved = true
                    let total = sizes.reduce(0, +), read = sizes[..<merged].reduce(0, +)
                    if read > 0 && total > read { dataset.projects.reserveCapacity(growingBy: 1.25 * Double(total) / Double(read)) }
                }
            case .failure(let failure):
                guard case DataError.invalid(let found) = failure else { error = failure; return }
                add(found)
            }
        }
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
    func loadFile(_ url: URL, problems: ProblemList, context: DatasetReadContext) throws -> Dataset {
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
        let dataset = projected(reader.readChecked(text: text, file: file, context: readContext(), problems: problems))
        DatasetValidator(problems: problems).validate(dataset)
        guard problems.isEmpty else { throw DataError.invalid(problems.problems) }
        return dataset
    }
}
