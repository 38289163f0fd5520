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

        --shard I/N runs a deterministic, disjoint 1/N of the units, balanced by expected \
        cost (for N machines: a Kubernetes Indexed Job, a Slurm array, a CI matrix). \
        --shard auto takes the 0-based worker index and the count from the array job: in \
        Kubernetes, JOB_COMPLETION_INDEX and --shards N or HAMKOR_SHARDS; in Slurm, \
        SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT; in AWS Batch, the variables \
        AWS_BATCH_JOB_ARRAY_INDEX and AWS_BATCH_JOB_ARRAY_SIZE. Shards may share one --out: each \
        writes manifest.shard-I-of-N.json and locks only the files it writes; `hamkor \
        manifest merge DIR` then writes manifest.json and checks every unit is there once.

        --resume keeps each unit whose output is intact and whose inputs (data files, \
        definition, vocabulary, catalog, parameters, Hamkor version) are unchanged since the \
        shard's last manifest, or since a killed run's journal, and reruns the rest. Kept \
        files are not rewritten.

        Exit codes for an engine's retry policy: 64, 65, 66 are permanent (fix the command, \
        the data or the job file); 1 (some units failed), 73 (cannot write: disk full, \
        permissions) and 75 (the same shard is running) may succeed on retry — retry with \
        --resume.

        Examples:
          hamkor batch Reports/jobs.yaml --out out
          hamkor batch Reports/jobs.yaml --out out --dry-run
          hamkor batch jobs.yaml --out /srv/reports --shard 2/4 --jobs 8
          hamkor batch jobs.yaml --out /reports --shard auto --shards 8 --resume
          hamkor manifest merge /reports && hamkor manifest verify /reports
        """)

    @Argument(help: "The job file (YAML).")
    var jobFile: String

    @Option(name: .long, help: ArgumentHelp("The output root; every path stays inside it.", valueName: "DIR"))
    var out = "out"

    @Option(name: [.short, .long], help: ArgumentHelp("Units run at once (default: the number of cores).", valueName: "N"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: ArgumentHelp("Run only shard I of N (1-based), e.g. 2/4; `auto` reads it from the array job's environment.", valueName: "I/N|auto"))
    var shard: String?

    @Option(name: .long, help: ArgumentHelp("With --shard auto: the number of workers (else $HAMKOR_SHARDS or the engine's array size).", valueName: "N"))
    var shards: Int?

    @Flag(name: .long, help: "Keep units whose outputs and inputs are unchanged since this shard's last run; rerun the rest.")
    var resume = false

    @Flag(name: .long, help: "Print the plan (job, report, language, format, path) and exit.")
    var dryRun = false

    @Flag(name: .long, help: "Fail a unit on a missing translation instead of falling back to English (as `strict: true` in a job).")
    var strict = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if shards != nil && shard != "auto" { throw ValidationError("--shards goes with --shard auto") }
    }

    func run() throws {
        let console = global.console
        do {
            let shard = try resolveShard()
            let engine = try global.engine()
            let registry = BuiltInExporters.registry()
            let file = try JobFile.load(from: URL(fileURLWithPath: jobFile), knownReports: engine.reportIDs, knownFormats: registry.formatIDs)
            let now = ReportEngine.defaultGeneratedAt()
            var plan = try BatchPlan(jobFile: file, shard: shard, now: now) { engine.definitions[$0]?.sections.count ?? 1 }
            if strict {
                plan = plan.replacingUnits(plan.units.map { var unit = $0; unit.strict = true; return unit })
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
            runner.inputs = rendering.inputDigester()
            runner.resume = resume
            let summary = try runner.run(plan) { unit, destination in try rendering.render(unit, to: destination) }
            console.diagnostics(rendering.diagnostics)
            for result in summary.results where !result.succeeded {
                console.error("\(result.unit): \(result.error ?? "failed")")
            }
            let kept = summary.reusedCount > 0 ? " (\(summary.reusedCount) kept unchanged)" : ""
            console.info("\(summary.results.count - summary.failedCount) of \(summary.results.count) outputs written\(kept) to \(URL(fileURLWithPath: out).standardizedFileURL.path); manifest: \(summary.manifest.path)")
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

    /// `--shard I/N`, `--shard auto` (from the array job's environment), or the whole batch.
    private func resolveShard() throws(BatchError) -> Shard {
        guard let shard else { return .all }
        guard shard == "auto" else { return try Shard(parsing: shard) }
        let resolved = try ShardEnvironment.resolve(ProcessInfo.processInfo.environment, shards: shards)
        global.console.debug("--shard auto: running shard \(resolved)")
        return resolved
    }

    private func progressReporter() -> any ProgressReporter {
        if global.quiet { return SilentProgressReporter() }
        if isatty(STDERR_FILENO) != 0 && global.logFormat == .text { return TerminalProgressReporter() }
        return LogProgressReporter(logger: HamkorLogging.logger(format: global.logFormat, label: "hamkor.batch"))
    }
}
