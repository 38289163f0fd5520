import Foundation

/// The outcome of a batch run, as the manifest records it.
public struct BatchSummary: Sendable {
    public var started: Date
    public var finished: Date
    public var shard: Shard
    /// One result per unit of the shard, in batch order.
    public var results: [UnitResult]
    /// The manifest written.
    public var manifest: URL
    /// Whether a stop request ended the run early (units not started are failed as "not run").
    public var stopped: Bool

    /// How many units failed (or were not run).
    public var failedCount: Int { results.filter { !$0.succeeded }.count }

    /// How many units `--resume` kept from an earlier run.
    public var reusedCount: Int { results.filter(\.reused).count }

    /// 0 when every unit was written, 1 when some failed (the others were written).
    public var exitCode: Int32 { failedCount == 0 ? 0 : 1 }
}
