/// Accumulates ``DataProblem``s while a file is read, so that every problem is reported at once.
public final class ProblemList {
    public private(set) var problems: [DataProblem] = []
    /// Reading stops adding after this many, so hostile input cannot flood memory or the terminal.
    public let limit: Int

    /// The limit unless one is given.
    public static let defaultLimit = 1000

    public init(limit: Int = defaultLimit) { self.limit = limit }

    public func add(_ problem: DataProblem) {
        if problems.count < limit { problems.append(problem) }
    }

    public func add(_ location: SourceLocation, field: String?, _ message: String) {
        add(DataProblem(location, field: field, message))
    }

    public var isEmpty: Bool { problems.isEmpty }
}
