import Foundation
import HamkorCore

/// A live single progress line for a terminal: units done/total, failures, elapsed time and
/// the unit just started, redrawn in place with `\r` and clear-line; failures are printed
/// above it as they happen.
public final class TerminalProgressReporter: ProgressReporter, @unchecked Sendable {
    private struct State {
        var total = 0
        var done = 0
        var failed = 0
        var current = ""
        var started = Date()
    }

    private let state = Locked(State())
    private let write: @Sendable (String) -> Void
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - write: where the text goes (default: standard error).
    ///   - now: the clock for elapsed time.
    public init(write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) },
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.write = write
        self.now = now
    }

    private static let clearLine = "\r\u{1B}[2K"

    public func batchStarted(total: Int) {
        state.withLock { $0 = State(total: total, started: now()) }
        redraw()
    }

    public func unitStarted(_ unit: BatchUnit) {
        state.withLock { $0.current = unit.description }
        redraw()
    }

    public func unitFinished(_ result: UnitResult) {
        state.withLock { state in
            state.done += 1
            if !result.succeeded { state.failed += 1 }
            if !result.succeeded {
                write(Self.clearLine + "failed: \(result.unit): \(TerminalText.escaped(result.error ?? ""))\n")
            }
            write(line(state))
        }
    }

    public func batchFinished(_ summary: BatchSummary) {
        state.withLock { state in
            state.current = ""
            write(line(state) + "\n")
        }
    }

    private func redraw() {
        state.withLock { write(line($0)) }
    }

    private func line(_ state: State) -> String {
        let elapsed = max(0, now().timeIntervalSince(state.started))
        var text = "\(Self.clearLine)[\(state.done)/\(state.total)]"
        if state.failed > 0 { text += " \(state.failed) failed" }
        text += " " + String(format: "%.1fs", elapsed)
        if !state.current.isEmpty { text += " " + state.current }
        return text
    }
}
