/// Where a value came from: a file and a 1-based line and column, for error messages.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN`, or `FILE` alone when no line is known.
    public var description: String {
        line > 0 ? "\(file):\(line):\(max(column, 1))" : file
    }
}
