import Dispatch
import Foundation
import Logging

/// Runs the scheduled jobs of a job file at their cron times, until stopped.
///
/// The loop computes every job's next fire time, sleeps until the earliest, and starts that
/// job's run on its own thread — so the loop keeps time while it runs. A run holds the job's
/// lock file (`.hamkor-JOB.lock` in ``lockFolder``) for its duration; a fire time that comes
/// while a run of the same job (in this or another process) still holds it is skipped and
/// logged, never overlapped. A stop request (``StopToken/handleSignal(_:)``, wired to SIGTERM
/// and SIGINT by ``StopToken/installSignalHandlers(_:)``) wakes the loop; runs in progress see
/// the same token, finish the unit they are on, and the scheduler returns once they are done.
public final class Scheduler: Sendable {
    /// Runs one job for a fire time; should stop starting units once `stop` is requested.
    public typealias JobAction = @Sendable (_ job: Job, _ fireTime: Date, _ stop: StopToken) throws -> Void

    /// The jobs (those without a schedule are ignored).
    public let jobs: [Job]
    /// Where the per-job lock files live.
    public let lockFolder: URL
    public let clock: any SchedulerClock
    /// The token that stops the loop; share it with the signal handlers.
    public let stop: StopToken
    /// When set, the loop waits for runs in progress before sleeping again, so runs never
    /// overlap at all (and tests with a fake clock see every run in order). Off by default:
    /// the loop keeps time and an overlapping fire of the same job is skipped.
    public let waitsForRunsBeforeSleeping: Bool
    private let logger: Logger
    private let onEvent: @Sendable (SchedulerEvent) -> Void

    public init(jobs: [Job], lockFolder: URL, clock: any SchedulerClock = SystemSchedulerClock(),
                stop: StopToken = StopToken(), waitsForRunsBeforeSleeping: Bool = false,
                logger: Logger = Logger(label: "hamkor.schedule"),
                onEvent: @escaping @Sendable (SchedulerEvent) -> Void = { _ in }) {
        self.jobs = jobs
        self.lockFolder = lockFolder
        self.clock = clock
        self.stop = stop
        self.waitsForRunsBeforeSleeping = waitsForRunsBeforeSleeping
        self.logger = logger
        self.onEvent = onEvent
    }

    /// Runs until a stop is requested (or no job will ever fire again), then waits for runs in
    /// progress and returns. A command line exits 0 afterwards.
    public func run(_ action: @escaping JobAction) {
        let scheduled = jobs.filter { $0.schedule != nil }
        guard !scheduled.isEmpty else {
            logger.warning("no job has a schedule; nothing to do")
            onEvent(.stopped(reason: "no job has a schedule"))
            return
        }
        let start = clock.now()
        var next = scheduled.map { $0.schedule!.nextFireTime(after: start, in: $0.timeZone) }
        for (job, time) in zip(scheduled, next) {
            logger.info("job \(job.name) (\(job.schedule!.source), \(job.timeZone.identifier)) next runs at \(time.map { Timestamp.iso8601($0, in: job.timeZone) } ?? "never")")
        }
        let running = DispatchGroup()
        var endReason = "no job will fire again"
        while true {
            if stop.isStopRequested { endReason = stop.stopReason ?? "stop requested"; break }
            guard let chosen = Self.earliest(next) else { break }
            let job = scheduled[chosen], fireTime = next[chosen]!
            if waitsForRunsBeforeSleeping { running.wait() }
            if stop.isStopRequested { endReason = stop.stopReason ?? "stop requested"; break }
            clock.sleep(until: fireTime, stop: stop)
            if stop.isStopRequested { endReason = stop.stopReason ?? "stop requested"; break }
            let now = clock.now()
            guard now >= fireTime else { continue }  // woke early; sleep again
            // Fire times missed while the machine slept are not caught up, as in cron.
            next[chosen] = job.schedule!.nextFireTime(after: max(fireTime, now.addingTimeInterval(-1)), in: job.timeZone)
            fire(job, at: fireTime, action: action, group: running)
        }
        logger.info("scheduler stopping (\(endReason)); waiting for runs in progress")
        running.wait()
        onEvent(.stopped(reason: endReason))
        logger.info("scheduler stopped")
    }

    private func fire(_ job: Job, at fireTime: Date, action: @escaping JobAction, group: DispatchGroup) {
        let lock: FileLock
        do {
            lock = try FileLock.lockJob(job.name, in: lockFolder)
        } catch {
            logger.warning("skipping \(job.name) at \(Timestamp.iso8601(fireTime, in: job.timeZone)): \(error)")
            onEvent(.skipped(job: job.name, at: fireTime, reason: error.description))
            return
        }
        logger.info("running \(job.name) for \(Timestamp.iso8601(fireTime, in: job.timeZone))")
        onEvent(.fired(job: job.name, at: fireTime))
        group.enter()
        let stop = self.stop, logger = self.logger, onEvent = self.onEvent
        let thread = Thread {
            defer { group.leave() }
            var failure: String?
            do {
                try action(job, fireTime, stop)
            } catch {
                failure = "\(error)"
            }
            lock.release()
            if let failure {
                logger.error("run of \(job.name) failed: \(failure)")
            } else {
                logger.info("run of \(job.name) finished")
            }
            onEvent(.finished(job: job.name, at: fireTime, error: failure))
        }
        thread.stackSize = 8 << 20
        thread.name = "hamkor-job-\(job.name)"
        thread.start()
    }

    /// The index of the earliest time (the first job on ties).
    static func earliest(_ times: [Date?]) -> Int? {
        var best: Int?
        for (index, time) in times.enumerated() {
            guard let time else { continue }
            if best == nil || time < times[best!]! { best = index }
        }
        return best
    }

    /// The next `count` fire times of every job, as `hamkor schedule --next N` prints them:
    /// `JOB<TAB>2026-11-30T07:00:00+05:00`, in the job's zone; `JOB<TAB>not scheduled` for jobs
    /// without a schedule, and `JOB<TAB>never` for schedules that cannot fire.
    public static func upcomingLines(jobs: [Job], after date: Date, count: Int) -> [String] {
        var lines: [String] = []
        for job in jobs {
            guard let schedule = job.schedule else {
                lines.append("\(job.name)\tnot scheduled")
                continue
            }
            let times = schedule.nextFireTimes(after: date, count: count, in: job.timeZone)
            if times.isEmpty { lines.append("\(job.name)\tnever") }
            lines += times.map { "\(job.name)\t\(Timestamp.iso8601($0, in: job.timeZone))" }
        }
        return lines
    }
}
