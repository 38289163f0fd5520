import HamkorCore

/// One `parameters:` entry of a job: a report parameter's name and the values to run it with.
public struct JobParameter: Sendable, Hashable {
    public var name: String
    /// Each value as written, with where it was written (for located errors, exit 65).
    public var values: [(text: String, location: SourceLocation)]

    public init(name: String, values: [(text: String, location: SourceLocation)]) {
        self.name = name
        self.values = values
    }

    public static func == (lhs: JobParameter, rhs: JobParameter) -> Bool {
        lhs.name == rhs.name && lhs.values.map(\.text) == rhs.values.map(\.text) && lhs.values.map(\.location) == rhs.values.map(\.location)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        for value in values { hasher.combine(value.text) }
    }
}
