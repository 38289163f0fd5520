import ArgumentParser
import Foundation
import HamkorBatch
import HamkorCore
import HamkorExport
import HamkorLocalization

/// `hamkor schedule`: stays running and fires each job of a job file at its cron schedule.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Run the job file's jobs at their cron schedules, in their time zones, until stopped.",
        discussion: """
        Each job with a `schedule:` (5-field cron: minute hour day-of-month month day-of-week, \
        with ranges, lists, steps and names such as MON-FRI) fires in its `timezone:` \
        (Asia/Tashkent, Asia/Baku, ...), correctly across DST changes. A job never overlaps \
        a still-running run of itself: the second fire is skipped and logged. SIGTERM or \
        SIGINT finishes the unit in progress and exits 0.

        Every run is appended to the run log, hamkor-runs.jsonl in --out (fire time, start, \
        finish, duration, parameters, units ok and failed, the manifest, the notification \
        command's outcome). After a run, the job's onFailure or onSuccess command runs with \
        HAMKOR_MANIFEST, HAMKOR_STATUS, HAMKOR_UNITS_OK, HAMKOR_UNITS_FAILED, HAMKOR_ERROR and \
        more in its environment, stopped after hookTimeout seconds (default 60). At start, \
        fire times missed while no scheduler ran are logged; with catchUp: latest the latest \
        one runs at once.

        --status prints each job's last run, missed fire times and next run from the run log, \
        and exits 0 when every job's last run was ok and none was missed, else 1.

        Examples:
          hamkor schedule Reports/jobs.yaml --next 5   # the next 5 fire times
          hamkor schedule Reports/jobs.yaml --out /srv/reports
          hamkor schedule Reports/jobs.yaml --out /srv/reports --status
        """)

    @Argument(help: "The job file (YAML).")
    var jobFile: String

    @Option(name: .long, help: ArgumentHelp("Print the next N fire times of each job and exit.", valueName: "N"))
    var next: Int?

    @Flag(name: .long, help: "Print each job's last run, missed runs and next run from the run log in --out, and exit.")
    var status = false

    @Option(name: .long, help: ArgumentHelp("The output root for runs (and the run log).", valueName: "DIR"))
    var out = "out"

    @Option(name: [.short, .long], help: ArgumentHelp("Units run at once.", valueName: "N"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let console = global.console
        do {
            let engine = try global.engine()
            let registry = BuiltInExporters.registry()
            let file = try JobFile.load(from: URL(fileURLWithPath: jobFile), knownReports: engine.reportIDs, knownFormats: registry.formatIDs)
            if let next {
                guard next >= 1 else { throw ValidationError("--next must be at least 1") }
                Scheduler.upcomingLines(jobs: file.jobs, after: Date(), count: next).forEach(console.output)
                return
            }
            if status {
                let report = ScheduleStatus.report(jobs: file.jobs, runLog: RunLog(root: URL(fileURLWithPath: out)), now: Date())
                report.lines.forEach(console.output)
                if !report.healthy { throw ExitCode.someUnitsFailed }
                return
            }
            let logger = HamkorLogging.logger(format: global.logFormat, label: "hamkor.schedule")
            let stop = StopToken()
            stop.installSignalHandlers()
            let root = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            let scheduler = Scheduler(jobs: file.jobs, lockFolder: root, stop: stop, logger: logger, runLog: RunLog(root: root))
            let workers = jobs
            scheduler.runRecording({ job, fireTime, stop in
                let only = JobFile(url: file.url, data: file.data, output: file.output, timeZone: file.timeZone, jobs: [job], sha256: file.sha256)
                let plan = try BatchPlan(jobFile: only, now: fireTime)
                let rendering = try BatchRendering(engine: engine, registry: registry, units: plan.units, generatedAt: fireTime)
                var runner = BatchRunner(root: root, workers: workers, progress: LogProgressReporter(logger: logger), stop: stop)
                runner.lockWait = 3600
                runner.inputs = rendering.inputDigester()
                let summary = try runner.run(plan) { unit, destination in try rendering.render(unit, to: destination) }
                logger.info("job \(job.name): \(summary.results.count - summary.failedCount) of \(summary.results.count) written; manifest \(summary.manifest.path)")
                return summary
            })
        } catch let error as BatchError {
            console.error(error.description)
            throw ExitCode(error.exitCode)
        } catch let error as ValidationError {
            throw error
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw failure(error, to: console)
        }
    }
}
