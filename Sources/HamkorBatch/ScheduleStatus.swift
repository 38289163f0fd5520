import Foundation

/// `hamkor schedule JOBFILE --status`: each job's last run, its next fire time, and the fire
/// times missed since, from the run log.
///
/// MISSED counts the fire times that passed after the log's last entry for the job (a run, a
/// skipped or a reported missed fire time): nonzero means no scheduler is running it now.
public enum ScheduleStatus {
    /// The report: a header and one line per job, and whether every job is healthy (its last
    /// run was ok and no fire time was missed since).
    public static func report(jobs: [Job], runLog: RunLog, now: Date) -> (lines: [String], healthy: Bool) {
        let entries = runLog.entries()
        let lastFire = runLog.lastFireTimes()
        var rows = [["JOB", "LAST RUN", "STATUS", "UNITS OK/FAILED", "MISSED", "NEXT RUN"]]
        var healthy = true
        for job in jobs {
            let zone = job.timeZone
            let lastRun = entries.last { $0.job == job.name && $0.event == "run" }
            var missed = 0
            if let schedule = job.schedule, var cursor = lastFire[job.name] {
                while missed < 1000, let time = schedule.nextFireTime(after: cursor, in: zone), time <= now {
                    missed += 1
                    cursor = time
                }
            }
            let missedText = missed == 1000 ? "1000+" : "\(missed)"
            let next = job.schedule.flatMap { $0.nextFireTime(after: now, in: zone) }.map { Timestamp.iso8601($0, in: zone) }
                ?? (job.schedule == nil ? "not scheduled" : "never")
            let status = lastRun?.status ?? "never run"
            if (lastRun != nil && status != "ok") || missed > 0 { healthy = false }
            rows.append([job.name, lastRun?.firedAt ?? "-", status,
                         lastRun.map { "\($0.unitsOk ?? 0)/\($0.unitsFailed ?? 0)" } ?? "-", missedText, next])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        let lines = rows.map { row in
            row.enumerated().map { column, text in
                column == row.count - 1 ? text : text.padding(toLength: widths[column] + 2, withPad: " ", startingAt: 0)
            }.joined()
        }
        return (lines, healthy)
    }
}
