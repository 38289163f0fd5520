/// One thing wrong with the input, located and naming the field, as `FILE:LINE:COLUMN: error: MESSAGE`.
public struct DataProblem: Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    /// The field path, such as `projects[2].value.amount`; `nil` for file-level problems.
    public var field: String?
    public var message: String

    public init(_ location: SourceLocation, field: String? = nil, _ message: String) {
        self.location = location
        self.field = field
        self.message = message
    }

    public var description: String {
        TerminalText.escaped("\(location): error: \(field.map { "\($0): " } ?? "")\(message)")
    }
}
