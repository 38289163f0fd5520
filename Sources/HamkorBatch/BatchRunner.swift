import Dispatch
import Foundation
import HamkorCore
import HamkorExport

/// Runs a ``BatchPlan`` with a bounded pool of worker threads and writes the manifest last.
///
/// A run takes its shard's lock on the output folder (``Shard/lockName``: the folder's own
/// lock for the whole batch), creates every output folder (refusing paths that leave the
/// root), then runs the units — a failing unit never stops the others. Each unit takes the
/// lock of its output path (``UnitLocks``), removes temporary files a killed writer left
/// beside it, renders, and is appended to the run's journal; last, the manifest
/// (``Shard/manifestName``) is written atomically at the root and the journal removed.
/// With ``resume``, units whose earlier output is intact and whose inputs are unchanged are
/// kept as they are (``ResumePoint``), without rendering or rewriting anything.
public struct BatchRunner: Sendable {
    /// Renders one unit: writes the output(s) for `unit` at (or beside) `destination`, atomically,
    /// and returns the files written. An empty list means just `destination`.
    public typealias UnitAction = @Sendable (_ unit: BatchUnit, _ destination: URL) throws -> [URL]

    /// The `--out` folder.
    public var root: URL
    /// The number of worker threads (`--jobs`).
    public var workers: Int
    public var progress: any ProgressReporter
    /// When set and stopped, no new units start; those in progress finish.
    public var stop: StopToken?
    /// The clock for `started` and `finished`.
    public var now: @Sendable () -> Date
    /// How long to wait for another run's output lock before giving up (0: fail at once, as
    /// `hamkor batch` does; the scheduler waits, so jobs sharing a folder take turns).
    public var lockWait: TimeInterval = 0
    /// Computes each unit's input digests for the manifest (none recorded when `nil`).
    public var inputs: UnitInputDigester?
    /// Keep the intact outputs of an earlier run of the same shard (`--resume`).
    public var resume = false

    public init(root: URL, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                progress: any ProgressReporter = SilentProgressReporter(), stop: StopToken? = nil,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.root = root
        self.workers = max(1, workers)
        self.progress = progress
        self.stop = stop
        self.now = now
    }

    /// Runs every unit of `plan` and writes the manifest.
    ///
    /// - Returns: the summary; its ``BatchSummary/exitCode`` is 0 or 1.
    /// - Throws: ``BatchError`` before any unit runs: the shard is already running in the
    ///   output folder (exit 75), or the folder cannot be created, or a path leaves it (exit
    ///   73), or (with ``resume``) the earlier manifest is unreadable (exit 65); or, after the
    ///   units ran, the manifest cannot be written (exit 73).
    public func run(_ plan: BatchPlan, _ action: @escaping UnitAction) throws(BatchError) -> BatchSummary {
        let outputRoot = try OutputRoot(root)
        let lock = try acquireLock(outputRoot.url, shard: plan.shard)
        defer { lock.release() }
        let unitLocks = try UnitLocks(folder: outputRoot.url)
        if plan.shard.isWholeBatch { AtomicFileWriter.removeStaleTemporaries(in: outputRoot.url) }
        let resumePoint: ResumePoint?
        do {
            resumePoint = resume ? try ResumePoint(root: outputRoot.url, shard: plan.shard) : nil
        } catch {
            throw BatchError.cannotResume(error.description)
        }
        let journal = RunJournal(url: outputRoot.url.appendingPathComponent(plan.shard.journalName), fresh: !resume)

        var prepared: [URL] = []
        for unit in plan.units {
            prepared.append(try outputRoot.prepareDestination(for: unit.path))
        }
        let destinations = prepared

        let started = now()
        progress.batchStarted(total: plan.units.count)
        let results = Locked([UnitResult?](repeating: nil, count: plan.units.count))
        let nextIndex = Locked(0)
        let group = DispatchGroup()
        let units = plan.units
        let progress = self.progress
        let stop = self.stop
        let digester = self.inputs
        let workerCount = min(workers, units.count)
        for _ in 0..<workerCount {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                while stop?.isStopRequested != true {
                    let index = nextIndex.withLock { next -> Int in
                        defer { next += 1 }
                        return next
                    }
                    guard index < units.count else { break }
                    let unit = units[index]
                    progress.unitStarted(unit)
                    let inputs = digester?.inputs(for: unit)
                    let result = Self.runLocked(unit, destination: destinations[index], root: outputRoot, locks: unitLocks) {
                        if let kept = resumePoint?.reusable(unit, inputs: inputs, root: outputRoot.url) { return kept }
                        var result = Self.execute(unit, destination: destinations[index], root: outputRoot, action: action)
                        result.inputs = inputs
                        return result
                    }
                    journal?.append(ManifestRecord(result))
                    results.withLock { $0[index] = result }
                    progress.unitFinished(result)
                }
            }
            thread.stackSize = 8 << 20
            thread.name = "hamkor-batch-worker"
            thread.start()
        }
        group.wait()

        let stopReason = stop?.stopReason ?? "stop requested"
        let finalResults = results.current.enumerated().map { index, result in
            result ?? UnitResult(unit: units[index], files: [], durationMs: 0,
                                 error: "not run: the batch was stopped (\(stopReason)) before this unit started")
        }
        let finished = now()
        let manifestURL = outputRoot.url.appendingPathComponent(plan.shard.manifestName)
        let manifest = Manifest(started: Timestamp.iso8601(started, in: plan.manifestTimeZone),
                                finished: Timestamp.iso8601(finished, in: plan.manifestTimeZone),
                                shard: plan.shard.description, totalUnits: plan.totalUnits, hamkor: HamkorVersion.current,
                                jobFile: plan.jobFile?.path, jobFileSha256: plan.jobFile?.sha256,
                                units: finalResults.map(ManifestRecord.init))
        do {
            try AtomicFileWriter.write(Data(manifest.render().utf8), to: manifestURL)
        } catch {
            throw BatchError.cannotCreate(path: manifestURL.path, reason: "\(error)")
        }
        journal?.remove()
        let summary = BatchSummary(started: started, finished: finished, shard: plan.shard, results: finalResults,
                                   manifest: manifestURL, stopped: finalResults.contains { $0.error?.hasPrefix("not run:") == true })
        progress.batchFinished(summary)
        return summary
    }

    /// Runs `body` holding the lock of the unit's output, after removing temporary files a
    /// killed writer of that output left behind (nobody else can be writing them now).
    static func runLocked(_ unit: BatchUnit, destination: URL, root: OutputRoot, locks: UnitLocks,
                          _ body: () -> UnitResult) -> UnitResult {
        do {
            guard try locks.tryLock(unit.path) else {
                return UnitResult(unit: unit, files: [], durationMs: 0,
                                  error: BatchError.unitLocked(path: unit.path, pid: nil).description)
            }
        } catch {
            return UnitResult(unit: unit, files: [], durationMs: 0, error: error.description)
        }
        defer { locks.unlock(unit.path) }
        StaleTemporaries.remove(beside: destination)
        #if DEBUG
        TestHooks.hangIfAsked(unit, destination: destination)
        #endif
        return body()
    }

    private func acquireLock(_ folder: URL, shard: Shard) throws(BatchError) -> FileLock {
        let deadline = Date().addingTimeInterval(lockWait)
        while true {
            do {
                return try FileLock.lockShard(shard, in: folder)
            } catch {
                let contended = switch error { case .outputLocked, .shardLocked: true; default: false }
                guard contended, Date() < deadline, stop?.isStopRequested != true else { throw error }
                if let stop { stop.wait(until: min(deadline, Date().addingTimeInterval(0.2))) } else { Thread.sleep(forTimeInterval: 0.2) }
            }
        }
    }

    /// Runs one unit, timing it, and digests what it wrote; never throws.
    static func execute(_ unit: BatchUnit, destination: URL, root: OutputRoot, action: UnitAction) -> UnitResult {
        let start = DispatchTime.now().uptimeNanoseconds
        var written: [URL] = []
        var failure: String?
        do {
            written = try action(unit, destination)
            if written.isEmpty { written = [destination] }
        } catch {
            failure = "\(error)"
        }
        let durationMs = Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        if let failure {
            return UnitResult(unit: unit, files: [], durationMs: durationMs, error: failure)
        }
        var files: [UnitResult.File] = []
        for url in written {
            guard let relative = root.relativePath(of: url) else {
                return UnitResult(unit: unit, files: [], durationMs: durationMs,
                                  error: "wrote '\(url.path)', which is outside the output root")
            }
            do {
                let digest = try FileDigest(of: url)
                files.append(UnitResult.File(path: relative, bytes: digest.bytes, sha256: digest.sha256))
            } catch {
                return UnitResult(unit: unit, files: [], durationMs: durationMs,
                                  error: "reported writing '\(relative)', but it cannot be read: \((error as NSError).localizedDescription)")
            }
        }
        return UnitResult(unit: unit, files: files, durationMs: durationMs, error: nil)
    }
}
