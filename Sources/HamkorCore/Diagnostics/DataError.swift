/// Why a dataset, definition or job file could not be used.
public enum DataError: Error, CustomStringConvertible, Sendable {
    /// A path given on the command line does not exist (exit 66).
    case notFound(path: String)
    /// A path exists but cannot be read (exit 66).
    case unreadable(path: String, reason: String)
    /// The input is malformed or invalid; every problem found is listed (exit 65).
    case invalid([DataProblem])

    public var description: String {
        switch self {
        case .notFound(let path) where path.unicodeScalars.contains("\u{FFFD}"):
            // A name that is not UTF-8 reaches Hamkor with U+FFFD in place of its bad bytes.
            "\(path): error: no such file or folder: the name on disk is not valid UTF-8 (shown with U+FFFD); rename it with a UTF-8 name"
        case .notFound(let path): "\(path): error: no such file or folder"
        case .unreadable(let path, let reason): "\(path): error: cannot read: \(reason)"
        case .invalid(let problems): problems.map(\.description).joined(separator: "\n")
        }
    }

    /// The sysexits code a command line should exit with.
    public var exitCode: Int32 {
        switch self {
        case .notFound, .unreadable: 66
        case .invalid: 65
        }
    }
}
