/// Accumulates ``DataProblem``s while a file is read, so that every problem is reported at once.
final class ProblemList {
    private(set) var problems: [DataProblem] = []
    /// Every record id read, valid record or not, so duplicates are found even among broken records.
    private(set) var identifiers: [(id: String, location: SourceLocation, field: String)] = []

    func registerIdentifier(_ id: String, at location: SourceLocation, field: String) {
        identifiers.append((id, location, field))
    }
    /// Reading stops adding after this many, so hostile input cannot flood memory or the terminal.
    let limit: Int

    init(limit: Int = 1000) { self.limit = limit }

    func add(_ problem: DataProblem) {
        if problems.count < limit { problems.append(problem) }
    }

    func add(_ location: SourceLocation, field: String?, _ message: String) {
        add(DataProblem(location, field: field, message))
    }

    var isEmpty: Bool { problems.isEmpty }
}
