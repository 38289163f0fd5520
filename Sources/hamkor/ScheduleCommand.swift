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

        Examples:
          hamkor schedule Reports/jobs.yaml --next 5   # the next 5 fire times of each job
          hamkor schedule Reports/jobs.yaml --out /srv/reports
        """)

    @Argument(help: "The job file (YAML).")
    var jobFile: String

    @Option(name: .long, help: ArgumentHelp("Print the next N fire times of each job and exit.", valueName: "N"))
    var next: Int?

    @Option(name: .long, help: ArgumentHelp("The output root for runs.", valueName: "DIR"))
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
            let logger = HamkorLogging.logger(format: global.logFormat, label: "hamkor.schedule")
            let stop = StopToken()
            stop.installSignalHandlers()
            let root = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            let scheduler = Scheduler(jobs: file.jobs, lockFolder: root, stop: stop, logger: logger)
            let workers = jobs
            scheduler.run { job, fireTime, stop in
                let only = JobFile(url: file.url, data: file.data, output: file.output, timeZone: file.timeZone, jobs: [job])
                let plan = try BatchPlan(jobFile: only, now: fireTime)
                let rendering = try BatchRendering(engine: engine, registry: registry, units: plan.units, generatedAt: fireTime)
                var runner = BatchRunner(root: root, workers: workers, progress: LogProgressReporter(logger: logger), stop: stop)
                runner.lockWait = 3600
                let summary = try runner.run(plan) { unit, destination in try rendering.render(unit, to: destination) }
                logger.info("job \(job.name): \(summary.results.count - summary.failedCount) of \(summary.results.count) written; manifest \(summary.manifest.path)")
            }
        } catch let error as BatchError {
            console.error(error.description)
            throw ExitCode(error.exitCode)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw failure(error, to: console)
        }
    }
}
