/// A bad report parameter: unknown, of the wrong type, or naming a partner the data lacks.
///
/// Given on the command line it is a usage error (exit 64); read from a file it is a data
/// error (exit 65) at the value's location.
public struct ParameterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the value was written; `nil` for the command line.
    public let location: SourceLocation?
    public let name: String
    public let message: String

    public init(_ name: String, _ message: String, at location: SourceLocation? = nil) {
        self.name = name
        self.message = message
        self.location = location
    }

    /// 64 for the command line, 65 for a file.
    public var exitCode: Int32 { location == nil ? 64 : 65 }

    public var description: String {
        if let location { return "\(location): error: \(name): \(message)" }
        return "error: --param \(name): \(message)"
    }
}
