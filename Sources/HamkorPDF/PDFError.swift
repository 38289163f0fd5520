/// Why a PDF could not be written.
public enum PDFError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Cairo reported an error (out of memory, a write error).
    case cairo(String)
    /// The finished file lacked a structure Hamkor post-processes (the catalog, the xref table).
    case unexpectedStructure(String)

    public var description: String {
        switch self {
        case .cairo(let reason): "cairo: \(reason)"
        case .unexpectedStructure(let reason): "unexpected PDF structure: \(reason)"
        }
    }
}
