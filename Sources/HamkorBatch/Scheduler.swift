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
///
/// With a ``RunLog``, every run, skipped and missed fire time is appended to it; after each run
/// the job's `onFailure` or `onSuccess` command runs with a summary in its environment
/// (``notificationEnvironment(job:fireTime:status:summary:error:runLog:)``); and at start, fire
/// times that passed since the log's last entry for a job (the machine was down) are logged as
/// missed, and the latest is run at once when the job says `catchUp: latest`.
public final class Scheduler: Sendable {
    /// Runs one job for a fire time; should stop starting units once `stop` is requested.
    public typealias JobAction = @Sendable (_ job: Job, _ fireTime: Date, _ stop: StopToken) throws -> Void
    /// Runs one job for a fire time and returns its batch summary (`nil` when it ran no batch).
    public typealias ReportingJobAction = @Sendable (_ job: Job, _ fireTime: Date, _ stop: StopToken) throws -> BatchSummary?

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
    /// Where runs are recorded, if anywhere.
    public let runLog: RunLog?
    private let logger: Logger
    private let onEvent: @Sendable (SchedulerEvent) -> Void

    public init(jobs: [Job], lockFolder: URL, clock: any SchedulerClock = SystemSchedulerClock(),
                stop: StopToken = StopToken(), waitsForRunsBeforeSleeping: Bool = false,
                logger: Logger = Logger(label: "hamkor.schedule"), runLog: RunLog? = nil,
                onEvent: @escaping @Sendable (SchedulerEvent) -> Void = { _ in }) {
        self.runLog = runLog
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
        runRecording({ job, fireTime, stop in
            try action(job, fireTime, stop)
            return nil
        })
    }

    /// Runs until a stop is requested, like ``run(_:)``, with runs that return their summary
    /// (for the run log and the notification commands).
    public func runRecording(_ action: @escaping ReportingJobAction) {
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
        for (job, missedTime) in missedRuns(scheduled, now: start) where !stop.isStopRequested {
            fire(job, at: missedTime, catchUp: true, action: action, group: running)
        }
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
            fire(job, at: fireTime, catchUp: false, action: action, group: running)
        }
        logger.info("scheduler stopping (\(endReason)); waiting for runs in progress")
        running.wait()
        onEvent(.stopped(reason: endReason))
        logger.info("scheduler stopped")
    }

    /// Logs the fire times each job missed since the run log's last entry for it, and returns
    /// the latest missed time of each job whose policy is to catch up.
    private func missedRuns(_ scheduled: [Job], now: Date) -> [(Job, Date)] {
        guard let runLog else { return [] }
        let last = runLog.lastFireTimes()
        var catchUps: [(Job, Date)] = []
        for job in scheduled {
            guard let since = last[job.name], let schedule = job.schedule else { continue }
            var count = 0
            var latest: Date?
            var cursor = since
            while count < Self.missedCountLimit, let time = schedule.nextFireTime(after: cursor, in: job.timeZone), time <= now {
                count += 1
                latest = time
                cursor = time
            }
            guard let latest else { continue }
            let shown = count == Self.missedCountLimit ? "\(count) or more" : "\(count)"
            let sinceText = Timestamp.iso8601(since, in: job.timeZone), latestText = Timestamp.iso8601(latest, in: job.timeZone)
            let policy = job.catchUp == .latest ? "running the latest now (catchUp: latest)" : "not catching up (catchUp: none)"
            logger.warning("job \(job.name) missed \(shown) run\(count == 1 ? "" : "s") since \(sinceText) (the latest at \(latestText)); \(policy)")
            var entry = RunLog.Entry(event: "missed", job: job.name, firedAt: latestText)
            entry.missedCount = count
            entry.since = sinceText
            entry.catchUp = job.catchUp == .latest
            runLog.append(entry)
            onEvent(.missed(job: job.name, count: count, latest: latest))
            if job.catchUp == .latest { catchUps.append((job, latest)) }
        }
        return catchUps
    }

    /// The most missed fire times counted per job (a job firing every minute, down for a year).
    static let missedCountLimit = 10_000

    private func fire(_ job: Job, at fireTime: Date, catchUp: Bool, action: @escaping ReportingJobAction, group: DispatchGroup) {
        let lock: FileLock
        do {
            lock = try FileLock.lockJob(job.name, in: lockFolder)
        } catch {
            logger.warning("skipping \(job.name) at \(Timestamp.iso8601(fireTime, in: job.timeZone)): \(error)")
            var entry = RunLog.Entry(event: "skipped", job: job.name, firedAt: Timestamp.iso8601(fireTime, in: job.timeZone))
            entry.error = error.description
            runLog?.append(entry)
            onEvent(.skipped(job: job.name, at: fireTime, reason: error.description))
            return
        }
        logger.info("running \(job.name) for \(Timestamp.iso8601(fireTime, in: job.timeZone))\(catchUp ? " (catching up)" : "")")
        onEvent(.fired(job: job.name, at: fireTime))
        group.enter()
        let stop = self.stop, logger = self.logger, onEvent = self.onEvent, clock = self.clock, runLog = self.runLog
        let thread = Thread {
            defer { group.leave() }
            let started = clock.now()
            var failure: String?
            var summary: BatchSummary?
            do {
                summary = try action(job, fireTime, stop)
            } catch {
                failure = "\(error)"
            }
            lock.release()
            let finished = clock.now()
            if let failure {
                logger.error("run of \(job.name) failed: \(failure)")
            } else if let summary, summary.failedCount > 0 {
                logger.error("run of \(job.name) finished with \(summary.failedCount) failed unit(s)")
            } else {
                logger.info("run of \(job.name) finished")
            }
            if let runLog {
                Self.record(job: job, fireTime: fireTime, catchUp: catchUp, started: started, finished: finished,
                            summary: summary, failure: failure, runLog: runLog, logger: logger)
            }
            onEvent(.finished(job: job.name, at: fireTime, error: failure ?? summary.flatMap { $0.failedCount > 0 ? "\($0.failedCount) unit(s) failed" : nil }))
        }
        thread.stackSize = 8 << 20
        thread.name = "hamkor-job-\(job.name)"
        thread.start()
    }

    /// Runs the job's notification command for the run's outcome, then appends the run to the log.
    private static func record(job: Job, fireTime: Date, catchUp: Bool, started: Date, finished: Date,
                               summary: BatchSummary?, failure: String?, runLog: RunLog, logger: Logger) {
        let status = failure != nil ? "error" : (summary?.failedCount ?? 0) > 0 ? "failed" : "ok"
        var entry = RunLog.Entry(event: "run", job: job.name, firedAt: Timestamp.iso8601(fireTime, in: job.timeZone))
        entry.started = Timestamp.iso8601(started, in: job.timeZone)
        entry.finished = Timestamp.iso8601(finished, in: job.timeZone)
        entry.durationMs = max(0, Int(finished.timeIntervalSince(started) * 1000))
        entry.parameters = [:]
        entry.status = status
        entry.unitsOk = summary.map { $0.results.count - $0.failedCount } ?? 0
        entry.unitsFailed = summary?.failedCount ?? 0
        entry.manifest = summary.map { relative($0.manifest, to: runLog.url.deletingLastPathComponent()) }
        entry.error = failure ?? summary.flatMap { $0.results.first { !$0.succeeded }?.error }
        entry.catchUp = catchUp ? true : nil
        if let command = status == "ok" ? job.onSuccess : job.onFailure {
            let environment = notificationEnvironment(job: job, entry: entry, summary: summary, runLog: runLog)
            let outcome = HookRunner.run(command, environment: environment, timeout: job.hookTimeout)
            entry.hook = outcome
            if outcome.error != nil || outcome.timedOut || outcome.status != 0 {
                let how = outcome.error ?? (outcome.timedOut ? "was stopped after \(Int(job.hookTimeout)) s" : "exited \(outcome.status ?? -1)")
                logger.error("notification command of \(job.name) (\(command)) \(how)")
            } else {
                logger.info("notification command of \(job.name) ran: \(command)")
            }
        }
        if !runLog.append(entry) { logger.error("cannot append to the run log \(runLog.url.path)") }
    }

    /// The environment a notification command runs with: `HAMKOR_EVENT` (`success` or
    /// `failure`), `HAMKOR_STATUS` (`ok`, `failed` or `error`), `HAMKOR_JOB`, `HAMKOR_FIRED_AT`,
    /// `HAMKOR_MANIFEST` (absolute; empty when the run wrote none), `HAMKOR_UNITS_OK`,
    /// `HAMKOR_UNITS_FAILED`, `HAMKOR_DURATION_MS`, `HAMKOR_ERROR` (the first reason, or
    /// empty), `HAMKOR_RUN_LOG` and `HAMKOR_OUT`.
    static func notificationEnvironment(job: Job, entry: RunLog.Entry, summary: BatchSummary?, runLog: RunLog) -> [String: String] {
        [
            "HAMKOR_EVENT": entry.status == "ok" ? "success" : "failure",
            "HAMKOR_STATUS": entry.status ?? "",
            "HAMKOR_JOB": job.name,
            "HAMKOR_FIRED_AT": entry.firedAt,
            "HAMKOR_MANIFEST": summary?.manifest.path ?? "",
            "HAMKOR_UNITS_OK": String(entry.unitsOk ?? 0),
            "HAMKOR_UNITS_FAILED": String(entry.unitsFailed ?? 0),
            "HAMKOR_DURATION_MS": String(entry.durationMs ?? 0),
            "HAMKOR_ERROR": entry.error ?? "",
            "HAMKOR_RUN_LOG": runLog.url.path,
            "HAMKOR_OUT": runLog.url.deletingLastPathComponent().path,
        ]
    }

    private static func relative(_ file: URL, to folder: URL) -> String {
        let base = folder.standardizedFileURL.path + "/"
        let path = file.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
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
