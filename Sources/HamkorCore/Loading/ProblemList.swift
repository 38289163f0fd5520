/// Accumulates ``DataProblem``s while a file is read, so that every problem is reported at once.
public final class ProblemList {
    public private(set) var problems: [DataProblem] = []
    /// Every record id read, valid record or not, so duplicates are found even among broken records.
    private(set) var identifiers: [(id: String, location: SourceLocation, field: String)] = []

    func registerIdentifier(_ id: String, at location: SourceLocation, field: String) {
        identifiers.append((id, location, field))
    }
    /// Reading stops adding after this many, so hostile input cannot flood memory or the terminal.
    public let limit: Int

    public init(limit: Int = 1000) { self.limit = limit }

    public func add(_ problem: DataProblem) {
        if problems.count < limit { problems.append(problem) }
    }

    public func add(_ location: SourceLocation, field: String?, _ message: String) {
        add(DataProblem(location, field: field, message))
    }

    public var isEmpty: Bool { problems.isEmpty }
}
