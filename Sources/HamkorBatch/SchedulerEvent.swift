import Foundation

/// Something the scheduler did, for logs and tests.
public enum SchedulerEvent: Sendable, Equatable {
    /// A job's run started for the fire time `at`.
    case fired(job: String, at: Date)
    /// A fire time was skipped because a run of the same job still holds its lock.
    case skipped(job: String, at: Date, reason: String)
    /// A run finished; `error` says why it failed, if it did.
    case finished(job: String, at: Date, error: String?)
    /// At start, the run log showed `count` fire times of the job passed while the scheduler
    /// was not running; `latest` is the last of them.
    case missed(job: String, count: Int, latest: Date)
    /// The scheduler stopped (on a stop request, or because no job will fire again).
    case stopped(reason: String)
}
