import ArgumentParser
import Foundation
import HamkorBatch
import HamkorCore
import HamkorExport
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// `hamkor batch`: runs every unit of a job file, in parallel, and writes a manifest.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run a job file: every report × language × format, in parallel, with a manifest.",
        discussion: """
        Each output is written atomically under --out; manifest.json is written last, at the \
        root of --out, listing every unit with its bytes, sha256 and status. A failing unit \
        never stops the others. Exit 0 when every unit was written, 1 when some failed, \
        65 for invalid data or job file, 73 when outputs cannot be created, 75 when another \
        run holds the lock on --out.

        --shard I/N runs a deterministic, disjoint 1/N of the units (for N machines: a \
        Kubernetes Indexed Job, a Slurm array, a CI matrix); the N manifests together cover \
        every unit exactly once.

        Examples:
          hamkor batch Reports/jobs.yaml --out out
          hamkor batch Reports/jobs.yaml --out out --dry-run
          hamkor batch jobs.yaml --out /srv/reports --shard 2/4 --jobs 8
        """)

    @Argument(help: "The job file (YAML).")
    var jobFile: String

    @Option(name: .long, help: ArgumentHelp("The output root; every path stays inside it.", valueName: "DIR"))
    var out = "out"

    @Option(name: [.short, .long], help: ArgumentHelp("Units run at once (default: the number of cores).", valueName: "N"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: ArgumentHelp("Run only shard I of N (1-based), e.g. 2/4.", valueName: "I/N"))
    var shard: String?

    @Flag(name: .long, help: "Print the plan (job, report, language, format, path) and exit.")
    var dryRun = false

    @Flag(name: .long, help: "Fail a unit on a missing translation instead of falling back to English (as `strict: true` in a job).")
    var strict = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let console = global.console
        do {
            let shard = try self.shard.map { try Shard(parsing: $0) } ?? .all
            let engine = try global.engine()
            let registry = BuiltInExporters.registry()
            let file = try JobFile.load(from: URL(fileURLWithPath: jobFile), knownReports: engine.reportIDs, knownFormats: registry.formatIDs)
            let now = ReportEngine.defaultGeneratedAt()
            var plan = try BatchPlan(jobFile: file, shard: shard, now: now)
            if strict {
                plan = BatchPlan(units: plan.units.map { var unit = $0; unit.strict = true; return unit },
                                 totalUnits: plan.totalUnits, shard: plan.shard, manifestTimeZone: plan.manifestTimeZone)
            }
            if dryRun {
                plan.dryRunLines(root: out).forEach(console.output)
                return
            }
            let rendering = try BatchRendering(engine: engine, registry: registry, units: plan.units, generatedAt: now)
            let stop = StopToken()
            stop.installSignalHandlers()
            var runner = BatchRunner(root: URL(fileURLWithPath: out), workers: jobs, progress: progressReporter(), stop: stop)
            runner.now = { Date() }
            runner.plannedFiles = { unit in rendering.plannedFiles(unit) }
            let summary = try runner.run(plan) { unit, destination in try rendering.render(unit, to: destination) }
            console.diagnostics(rendering.diagnostics)
            for result in summary.results where !result.succeeded {
                console.error("\(result.unit): \(result.error ?? "failed")")
            }
            console.info("\(summary.results.count - summary.failedCount) of \(summary.results.count) outputs written to \(URL(fileURLWithPath: out).standardizedFileURL.path); manifest: \(summary.manifest.path)")
            if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
        } catch let exit as ExitCode {
            throw exit
        } catch let error as BatchError {
            console.error(error.description)
            throw ExitCode(error.exitCode)
        } catch {
            throw failure(error, to: console)
        }
    }

    private func progressReporter() -> any ProgressReporter {
        if global.quiet { return SilentProgressReporter() }
        if isatty(STDERR_FILENO) != 0 && global.logFormat == .text { return TerminalProgressReporter() }
        return LogProgressReporter(logger: HamkorLogging.logger(format: global.logFormat, label: "hamkor.batch"))
    }
}
