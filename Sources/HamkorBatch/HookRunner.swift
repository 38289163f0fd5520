import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a ``NotificationCommand`` with a timeout, in its own process group so that a timeout
/// stops everything it started (`sh -c 'curl …'` included).
///
/// Its standard input is `/dev/null`; its standard output and error go to the scheduler's
/// standard error (the service's log). On timeout the group gets SIGTERM, then SIGKILL two
/// seconds later.
public enum HookRunner {
    /// How a notification command ended.
    public struct Outcome: Sendable, Hashable, Codable {
        /// The command as written.
        public var command: String
        /// Its exit status (128 + N after signal N), or `nil` when it could not be started.
        public var status: Int32?
        /// Whether it was stopped for running past the timeout.
        public var timedOut: Bool
        /// Why it could not be started, if it could not.
        public var error: String?
    }

    /// Runs `command` with `environment` added to this process's, waiting at most `timeout`.
    public static func run(_ command: NotificationCommand, environment: [String: String], timeout: TimeInterval) -> Outcome {
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let arguments = command.arguments
        let program = arguments[0].contains("/") ? arguments[0] : (which(arguments[0], path: merged["PATH"]) ?? arguments[0])

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, 2, 1)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        // The scheduler ignores SIGTERM and SIGINT (it watches them with Dispatch); the hook
        // gets their default actions back and an empty signal mask.
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGTERM)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = merged.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            return Outcome(command: command.description, status: nil, timedOut: false,
                           error: "cannot start '\(arguments[0])': \(String(cString: strerror(spawned)))")
        }

        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        var killAt: Date?
        var status: Int32 = 0
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            if waited < 0 && errno != EINTR { return Outcome(command: command.description, status: nil, timedOut: timedOut, error: "waitpid failed") }
            let now = Date()
            if !timedOut && now >= deadline {
                timedOut = true
                kill(-pid, SIGTERM)
                killAt = now.addingTimeInterval(2)
            } else if let due = killAt, now >= due {
                kill(-pid, SIGKILL)
                killAt = nil
            }
            usleep(20_000)
        }
        // Anything the command left running in its group goes with it.
        kill(-pid, SIGKILL)
        let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(command: command.description, status: exitStatus, timedOut: timedOut, error: nil)
    }

    private static func which(_ name: String, path: String?) -> String? {
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
