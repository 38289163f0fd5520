/// Why an export failed.
public enum ExportError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No exporter is registered under this id; lists the known ones.
    case unknownFormat(String, known: [String])
    /// The format cannot be written to standard output.
    case needsFilePath(format: String)
    /// `--table` named a table the report does not have.
    case unknownTable(String, known: [String])
    /// An output file could not be created or written (exit 73).
    case cannotWrite(path: String, reason: String)
    /// The format's writer failed.
    case writerFailed(format: String, reason: String)

    public var description: String {
        switch self {
        case .unknownFormat(let id, let known):
            "unknown format '\(id)'; available: \(known.joined(separator: ", "))"
        case .needsFilePath(let format):
            "the \(format) format cannot be written to standard output; give --output FILE"
        case .unknownTable(let id, let known):
            "unknown table '\(id)'; this report has: \(known.joined(separator: ", "))"
        case .cannotWrite(let path, let reason):
            "\(path): error: cannot write: \(reason)"
        case .writerFailed(let format, let reason):
            "\(format) export failed: \(reason)"
        }
    }
}
