import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A request to stop, shared by a signal handler, the scheduler and the batch runner.
///
/// Once requested, a batch starts no new units (those in progress finish) and the scheduler
/// fires no more jobs; both then return cleanly.
public final class StopToken: @unchecked Sendable {
    private let condition = NSCondition()
    private var requested = false
    private var reason: String?
    private var sources: [DispatchSourceSignal] = []

    public init() {}

    /// Asks everything watching this token to stop. Safe from any thread, idempotent.
    public func requestStop(reason: String = "stop requested") {
        condition.lock()
        if !requested { requested = true; self.reason = reason }
        condition.broadcast()
        condition.unlock()
    }

    /// Whether a stop was requested.
    public var isStopRequested: Bool {
        condition.lock()
        defer { condition.unlock() }
        return requested
    }

    /// Why the stop was requested (such as `SIGTERM`), if it was.
    public var stopReason: String? {
        condition.lock()
        defer { condition.unlock() }
        return reason
    }

    /// Waits until `deadline` or a stop request, whichever comes first; returns whether stopped.
    @discardableResult
    public func wait(until deadline: Date) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !requested, Date() < deadline {
            _ = condition.wait(until: deadline)
        }
        return requested
    }

    /// The handler a signal source calls: requests a stop naming the signal.
    public func handleSignal(_ signal: Int32) {
        requestStop(reason: signal == SIGTERM ? "SIGTERM" : signal == SIGINT ? "SIGINT" : "signal \(signal)")
    }

    /// Routes SIGTERM and SIGINT to ``handleSignal(_:)``: ignores their default action first,
    /// then watches them with Dispatch signal sources (kept alive by this token).
    public func installSignalHandlers(_ signals: [Int32] = [SIGTERM, SIGINT]) {
        let queue = DispatchQueue(label: "hamkor.signals")
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in self?.handleSignal(number) }
            source.resume()
            condition.lock()
            sources.append(source)
            condition.unlock()
        }
    }
}
