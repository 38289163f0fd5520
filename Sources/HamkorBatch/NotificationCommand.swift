/// A command a job file names to be told about a scheduled run (`onFailure:`, `onSuccess:`).
///
/// Written as a string it runs through `/bin/sh -c` (so `$HAMKOR_MANIFEST` expands); written
/// as a list it runs as that argument vector, with no shell.
public struct NotificationCommand: Sendable, Hashable, CustomStringConvertible {
    /// The argument vector; the first element is the program (looked up on `PATH`).
    public var arguments: [String]
    /// The command as written, for logs.
    public var description: String

    /// A shell command line.
    public init(shell text: String) {
        arguments = ["/bin/sh", "-c", text]
        description = text
    }

    /// An argument vector.
    public init(arguments: [String]) {
        self.arguments = arguments
        description = arguments.joined(separator: " ")
    }
}

/// What the scheduler does about fire times missed while it was not running (`catchUp:`).
public enum CatchUpPolicy: String, Sendable, Hashable, CaseIterable {
    /// Report them (log and run log) and wait for the next fire time, as cron does.
    case none
    /// Report them and run the latest one at once, as of its fire time.
    case latest
}
