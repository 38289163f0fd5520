import HamkorCore

/// Collects located problems while a job file is read, so that all of them are reported at once.
final class JobProblems {
    private(set) var problems: [DataProblem] = []
    let limit = 200

    func add(_ location: SourceLocation, field: String?, _ message: String) {
        if problems.count < limit { problems.append(DataProblem(location, field: field, message)) }
    }

    var isEmpty: Bool { problems.isEmpty }
}
