import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A process told apart from any later process that reuses its pid: the pid and the time it
/// started (clock ticks since boot, from `/proc/PID/stat`). Inside a container every run is
/// pid 1, so a pid alone cannot say whether the run that left a file behind is still alive.
struct ProcessIdentity: Equatable {
    var pid: Int32
    /// `nil` where `/proc` is not available.
    var startTicks: UInt64?

    /// This process.
    static let current = ProcessIdentity(pid: getpid(), startTicks: startTicks(of: getpid()))

    /// Whether the process this identity names is still running. With a start time, the pid
    /// must be running and have started then. Without one (no `/proc`, or a name from a
    /// version that wrote none) only the pid can be asked: it counts as running if it is this
    /// process, or exists and is not 1 — pid 1 is the system's init, which never runs Hamkor,
    /// or Hamkor itself in a container, and then it is this process.
    var isRunning: Bool {
        if let startTicks {
            if let now = Self.startTicks(of: pid) { return now == startTicks }
            if Self.current.startTicks != nil { return false }  // /proc works, and the pid is gone
        }
        if pid == getpid() { return true }
        return pid != 1 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    /// Field 22 of `/proc/PID/stat`, read after the command name (which may hold spaces and ')').
    static func startTicks(of pid: Int32) -> UInt64? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (state), so field 22 is fields[19].
        return fields.count > 19 ? UInt64(fields[19]) : nil
    }
}
