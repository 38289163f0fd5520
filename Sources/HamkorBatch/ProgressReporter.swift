/// Hears how a batch is going; called from worker threads, so conformers must be thread-safe.
///
/// Built-in conformers: ``TerminalProgressReporter`` (one live line on a terminal's stderr),
/// ``LogProgressReporter`` (a log line per unit, for files and pipes) and
/// ``SilentProgressReporter``. The caller picks one, typically by `isatty(2)`.
public protocol ProgressReporter: Sendable {
    /// The batch is about to run `total` units.
    func batchStarted(total: Int)
    /// A worker started a unit.
    func unitStarted(_ unit: BatchUnit)
    /// A unit finished (successfully or not).
    func unitFinished(_ result: UnitResult)
    /// Every unit finished and the manifest was written.
    func batchFinished(_ summary: BatchSummary)
}

extension ProgressReporter {
    public func batchStarted(total: Int) {}
    public func unitStarted(_ unit: BatchUnit) {}
    public func unitFinished(_ result: UnitResult) {}
    public func batchFinished(_ summary: BatchSummary) {}
}

/// Reports nothing.
public struct SilentProgressReporter: ProgressReporter {
    public init() {}
}
