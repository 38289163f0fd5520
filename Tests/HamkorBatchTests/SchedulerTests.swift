import Foundation
import HamkorExport
import HamkorLocalization
import Testing
@testable import HamkorBatch

/// A clock that jumps straight to each deadline, and requests a stop instead of sleeping past
/// `horizon`, so scheduler tests run instantly and end deterministically.
final class FakeClock: SchedulerClock, @unchecked Sendable {
    private let time: Locked<Date>
    let horizon: Date

    init(start: Date, horizon: Date) {
        time = Locked(start)
        self.horizon = horizon
    }

    func now() -> Date { time.current }

    func sleep(until deadline: Date, stop: StopToken) {
        if deadline > horizon {
            stop.requestStop(reason: "horizon reached")
            return
        }
        time.withLock { $0 = max($0, deadline) }
    }
}

@Suite struct SchedulerTests {
    let tashkent = TimeZone(identifier: "Asia/Tashkent")!

    func job(_ name: String, _ cron: String) throws -> Job {
        Job(name: name, reports: ["portfolio"], schedule: try CronExpression(parsing: cron), timeZone: tashkent, timeZoneIsExplicit: true)
    }

    @Test func jobsRunAtTheirFireTimes() throws {
        let folder = temporaryFolder()
        defer { cleanUp(folder) }
        let clock = FakeClock(start: date("2026-11-26 12:00", "Asia/Tashkent"), horizon: date("2026-12-15 00:00", "Asia/Tashkent"))
        let runs = Locked<[String]>([])
        let scheduler = Scheduler(jobs: [try job("weekly", "0 7 * * MON"), try job("monthly", "0 6 1 * *"),
                                         Job(name: "manual", reports: ["portfolio"])],
                                  lockFolder: folder, clock: clock, waitsForRunsBeforeSleeping: true)
        scheduler.run { job, fireTime, _ in
            runs.withLock { $0.append("\(job.name) \(Timestamp.iso8601(fireTime, in: job.timeZone))") }
        }
        #expect(runs.current.sorted() == [
            "monthly 2026-12-01T06:00:00+05:00",
            "weekly 2026-11-30T07:00:00+05:00",
            "weekly 2026-12-07T07:00:00+05:00",
            "weekly 2026-12-14T07:00:00+05:00",
        ])
    }

    @Test func anOverlappingRunOfTheSameJobIsSkipped() throws {
        let folder = temporaryFolder()
        defer { cleanUp(folder) }
        let start = date("2026-11-26 12:00", "UTC")
        let clock = FakeClock(start: start, horizon: start.addingTimeInterval(150))
        let release = DispatchSemaphore(value: 0)
        let events = Locked<[SchedulerEvent]>([])
        let scheduler = Scheduler(jobs: [try job("minutely", "* * * * *")], lockFolder: folder, clock: clock) { event in
            events.withLock { $0.append(event) }
            if case .skipped = event { release.signal() }
        }
        let runs = Locked(0)
        scheduler.run { _, _, _ in
            runs.withLock { $0 += 1 }
            release.wait()  // still running when the next minute comes
        }
        let first = start.addingTimeInterval(60), second = start.addingTimeInterval(120)
        let recorded = events.current
        #expect(runs.current == 1)
        #expect(recorded.first == .fired(job: "minutely", at: first))
        #expect(recorded.contains { if case .skipped(let job, let at, let reason) = $0 {
            return job == "minutely" && at == second && reason.contains("a previous run of job 'minutely' is still going")
        }; return false })
        #expect(recorded.contains(.finished(job: "minutely", at: first, error: nil)))
        #expect(recorded.last == .stopped(reason: "horizon reached"))
    }

    @Test func aStopRequestEndsTheLoopAfterTheCurrentUnit() throws {
        let folder = temporaryFolder()
        defer { cleanUp(folder) }
        let start = date("2026-11-26 12:00", "Asia/Tashkent")
        let clock = FakeClock(start: start, horizon: start.addingTimeInterval(86_400 * 30))
        let events = Locked<[SchedulerEvent]>([])
        let scheduler = Scheduler(jobs: [try job("weekly", "0 7 * * MON")], lockFolder: folder, clock: clock,
                                  waitsForRunsBeforeSleeping: true) { event in
            events.withLock { $0.append(event) }
        }
        let out = folder.appendingPathComponent("out")
        let unitsRun = Locked(0)
        let summaries = Locked<[BatchSummary]>([])
        scheduler.run { job, fireTime, stop in
            let file = JobFile(url: folder.appendingPathComponent("jobs.yaml"), output: try OutputTemplate(parsing: "{report}.{lang}.{format}"),
                               jobs: [Job(name: job.name, reports: ["portfolio", "briefing"], languages: [.english, .russian],
                                          formats: ["txt"], timeZone: job.timeZone)])
            let plan = try BatchPlan(jobFile: file, now: fireTime)
            let summary = try BatchRunner(root: out, workers: 1, stop: stop).run(plan) { unit, destination in
                unitsRun.withLock { $0 += 1 }
                scheduler.stop.handleSignal(SIGTERM)  // what the SIGTERM source does
                try AtomicFileWriter.write(Data("\(unit)".utf8), to: destination)
                return []
            }
            summaries.withLock { $0.append(summary) }
        }
        #expect(unitsRun.current == 1)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("portfolio.en.txt").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("portfolio.ru.txt").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path))
        #expect(summaries.current.first?.stopped == true)
        #expect(events.current.last == .stopped(reason: "SIGTERM"))
        #expect(events.current.filter { if case .fired = $0 { return true }; return false }.count == 1)
    }

    @Test func signalHandlersRouteSIGTERMToTheStopToken() throws {
        let token = StopToken()
        token.installSignalHandlers([SIGUSR2])
        // The source registers asynchronously; a signal sent before that is ignored, so resend.
        let deadline = Date().addingTimeInterval(10)
        while !token.isStopRequested, Date() < deadline {
            kill(getpid(), SIGUSR2)
            token.wait(until: Date().addingTimeInterval(0.1))
        }
        #expect(token.isStopRequested)
        #expect(token.stopReason == "signal \(SIGUSR2)")
    }

    @Test func upcomingLinesPerJob() throws {
        let berlin = Job(name: "berlin", reports: ["portfolio"], schedule: try CronExpression(parsing: "30 2 * * SUN"),
                         timeZone: TimeZone(identifier: "Europe/Berlin")!, timeZoneIsExplicit: true)
        let lines = Scheduler.upcomingLines(jobs: [try job("weekly", "0 7 * * MON"), berlin, Job(name: "manual", reports: ["portfolio"])],
                                            after: date("2026-03-20 00:00", "UTC"), count: 2)
        #expect(lines == [
            "weekly\t2026-03-23T07:00:00+05:00", "weekly\t2026-03-30T07:00:00+05:00",
            "berlin\t2026-03-22T02:30:00+01:00", "berlin\t2026-03-29T03:00:00+02:00",
            "manual\tnot scheduled",
        ])
    }
}
