import Foundation

/// The scheduler's view of time, injected so that tests run instantly.
///
/// Built-in conformer: ``SystemSchedulerClock``.
public protocol SchedulerClock: Sendable {
    /// The current instant.
    func now() -> Date
    /// Returns at `deadline`, or earlier as soon as `stop` is requested.
    func sleep(until deadline: Date, stop: StopToken)
}

/// The real clock: sleeps on the stop token in slices of at most a minute, re-reading the wall
/// clock each time so that a suspended machine or a clock change is noticed.
public struct SystemSchedulerClock: SchedulerClock {
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(until deadline: Date, stop: StopToken) {
        while !stop.isStopRequested {
            let current = Date()
            guard current < deadline else { return }
            stop.wait(until: min(deadline, current.addingTimeInterval(60)))
        }
    }
}
