import Foundation
import HamkorLocalization

/// A reader of one kind of dataset source: a file format, a workbook register, a database
/// source file. Like pandoc's readers, each is one entry in a ``DatasetReaderRegistry``; the
/// loader never switches on file extensions itself.
///
/// A reader turns one file into a ``Dataset`` part and reports every problem, located, to the
/// ``ProblemList`` it is given; it throws ``DataError`` only when the file cannot be read at
/// all (missing, unreadable). Records are checked as the schema says (``FlatRecordReader`` for
/// flat sources); ids across files, and references, are checked by the loader afterwards.
///
/// Built in: ``YAMLDatasetReader`` (`.yaml`, `.yml`), ``JSONDatasetReader`` (`.json`) and
/// ``CSVDatasetReader`` (`.csv` project tables). The `hamkor` command adds the workbook
/// register reader (`.xlsx`, module HamkorRegisters) and the PostgreSQL source reader
/// (`.source.yaml`, module HamkorPostgres).
public protocol DatasetReader: Sendable {
    /// A short stable id: `yaml`, `json`, `csv`, `xlsx`, `postgresql`.
    var formatID: String { get }
    /// The file-name endings this reader takes, lowercased with their dot (`.yaml`, `.source.yaml`).
    /// The longest matching ending of all registered readers wins.
    var fileSuffixes: [String] { get }
    /// Endings of files that belong to this reader's inputs but are no data of their own (a
    /// workbook's `.profile.yaml`); folders skip them.
    var companionSuffixes: [String] { get }
    /// Reads one file. Problems go to `problems`; throws ``DataError`` when the file cannot be read.
    func read(_ file: URL, context: DatasetReadContext, problems: ProblemList) throws -> Dataset
}

extension DatasetReader {
    public var companionSuffixes: [String] { [] }
}

/// What every reader may need beyond its file.
public struct DatasetReadContext: Sendable {
    public var vocabulary: Vocabulary
    /// Report parameters (`partner`, `period`, ...) by name, for sources that select by them.
    public var parameters: [String: String]
    /// The languages whose texts the dataset keeps (English always), `nil` for all: a reader may
    /// drop other languages' texts after checking them (see ``DatasetLoader/languages``).
    public var languages: Set<LanguageTag>?
    /// Buffers a reader may read its file into, shared by the readers of one load.
    public var buffers: ReadBuffers

    public init(vocabulary: Vocabulary, parameters: [String: String] = [:], languages: Set<LanguageTag>? = nil,
                buffers: ReadBuffers = ReadBuffers()) {
        self.vocabulary = vocabulary
        self.parameters = parameters
        self.languages = languages
        self.buffers = buffers
    }
}

/// A reader of UTF-8 text files: the file is read by ``SourceText`` (size limit, encoding
/// checks), and an empty or blank file is an error before the reader sees it.
public protocol TextDatasetReader: DatasetReader {
    /// Parses one file's text; `file` names it in messages.
    func read(text: String, file: String, context: DatasetReadContext, problems: ProblemList) -> Dataset
}

extension TextDatasetReader {
    public func read(_ file: URL, context: DatasetReadContext, problems: ProblemList) throws -> Dataset {
        let text = try SourceText.read(file)
        return readChecked(text: text, file: file.path, context: context, problems: problems)
    }

    /// ``read(text:file:context:problems:)`` after refusing an empty file.
    func readChecked(text: String, file: String, context: DatasetReadContext, problems: ProblemList) -> Dataset {
        var text = text
        if text.withUTF8({ Self.refusesBlank($0, file: file, problems: problems) }) { return Dataset() }
        return read(text: text, file: file, context: context, problems: problems)
    }

    /// Reports an empty or blank file (whitespace only) and returns true; false for any other text.
    ///
    /// An empty (or blank, or comment-only) data file is almost always a mistake — a failed
    /// export, a truncated copy — so it is an error rather than a silently empty dataset.
    static func refusesBlank(_ bytes: UnsafeBufferPointer<UInt8>, file: String, problems: ProblemList) -> Bool {
        guard SourceText.isBlank(bytes) else { return false }
        problems.add(SourceLocation(file: file), field: nil, "the file is empty; a data file needs at least one record")
        return true
    }
}
