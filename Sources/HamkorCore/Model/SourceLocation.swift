/// Where a value came from: a file and a 1-based line and column, or — for sources without
/// lines — a named place inside the file: a workbook cell (`Лист1!D17`) or a database row
/// (`projects[id=prj-1]`).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// The place inside the file when it has no lines, such as `Лист1!D17`.
    public var place: String?

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A location named by a place inside the file instead of a line.
    public init(file: String, place: String) {
        self.init(file: file)
        self.place = place
    }

    /// `FILE:LINE:COLUMN`, `FILE:PLACE`, or `FILE` alone when nothing more is known.
    public var description: String {
        if let place { return "\(file):\(place)" }
        return line > 0 ? "\(file):\(line):\(max(column, 1))" : file
    }
}
