import Crypto
import Foundation
import HamkorCore
import HamkorExport
import HamkorLocalization
import Testing
@testable import HamkorBatch

struct UnitFailure: Error, CustomStringConvertible {
    var description: String { "the briefing has no data for 2026" }
}

@Suite struct BatchRunnerTests {
    let now = date("2026-11-26 07:00", "Asia/Tashkent")

    static let jobText = """
        jobs:
          - name: weekly
            reports: [portfolio, briefing]
            languages: [en, ru]
            formats: [csv, txt]
            timezone: Asia/Tashkent
        """

    func plan(shard: Shard = .all) throws -> BatchPlan {
        try BatchPlan(jobFile: try parseJobs(Self.jobText), shard: shard, now: now)
    }

    /// Writes `unit` text to the destination; the briefing in Russian fails; the CSV of the
    /// portfolio in English writes two tables.
    static let fakeAction: BatchRunner.UnitAction = { unit, destination in
        if unit.report == "briefing" && unit.language == .russian && unit.format == "txt" { throw UnitFailure() }
        if unit.report == "portfolio" && unit.format == "csv" && unit.language == .english {
            let second = destination.deletingPathExtension().appendingPathExtension("sectors.csv")
            try AtomicFileWriter.write(Data("a,b\n1,2\n".utf8), to: destination)
            try AtomicFileWriter.write(Data("sector\nenergy\n".utf8), to: second)
            return [destination, second]
        }
        try AtomicFileWriter.write(Data("\(unit) \(String(repeating: "x", count: unit.index * 1000))\n".utf8), to: destination)
        return [destination]
    }

    @Test func runsEveryUnitRecordsFailuresAndWritesTheManifestLast() throws {
        let root = temporaryFolder()
        defer { cleanUp(root) }
        let stale = root.appendingPathComponent(".old.txt\(AtomicFileWriter.temporaryMarker)999999-1")
        try Data("stale".utf8).write(to: stale)
        let clock = Locked(now)
        let runner = BatchRunner(root: root, workers: 3, now: {
            clock.withLock { time in defer { time += 2 }; return time }
        })
        let summary = try runner.run(try plan(), Self.fakeAction)

        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(summary.results.count == 8)
        #expect(summary.failedCount == 1)
        #expect(summary.exitCode == 1)
        let failed = try #require(summary.results.first { !$0.succeeded })
        #expect(failed.unit.description == "weekly briefing ru txt")
        #expect(failed.error == "the briefing has no data for 2026")

        let data = try Data(contentsOf: root.appendingPathComponent("manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(manifest["started"] as? String == "2026-11-26T07:00:00+05:00")
        #expect(manifest["finished"] as? String == "2026-11-26T07:00:02+05:00")
        #expect(manifest["shard"] as? String == "1/1")
        let units = try #require(manifest["units"] as? [[String: Any]])
        #expect(units.count == 8)
        for (index, entry) in units.enumerated() {
            let unit = summary.results[index].unit
            #expect(entry["job"] as? String == "weekly")
            #expect(entry["report"] as? String == unit.report)
            #expect(entry["language"] as? String == unit.language.tag)
            #expect(entry["format"] as? String == unit.format)
            #expect(entry["path"] as? String == unit.path)
            #expect(entry["durationMs"] is Int)
            if unit.description == "weekly briefing ru txt" {
                #expect(entry["status"] as? String == "failed")
                #expect(entry["error"] as? String == "the briefing has no data for 2026")
                #expect(entry["bytes"] is NSNull && entry["sha256"] is NSNull)
                #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(unit.path).path))
                continue
            }
            #expect(entry["status"] as? String == "ok")
            #expect(entry["error"] is NSNull)
            let file = try Data(contentsOf: root.appendingPathComponent(unit.path))
            #expect(entry["bytes"] as? Int == file.count)
            #expect(entry["sha256"] as? String == SHA256.hash(data: file).map { String(format: "%02x", $0) }.joined())
        }
        // The two-table unit lists both files; its path is the first.
        let files = try #require(units[0]["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["2026-11-26/portfolio/portfolio.en.csv", "2026-11-26/portfolio/portfolio.en.sectors.csv"])
        #expect(files[1]["bytes"] as? Int == 14)
        #expect(units[1]["files"] == nil)

        // Keys in the documented order.
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\"started\": \"2026-11-26T07:00:00+05:00\", \"finished\": \"2026-11-26T07:00:02+05:00\", \"shard\": \"1/1\", \"totalUnits\": 8, \"hamkor\": \"\(HamkorVersion.current)\", \"jobFile\": "))
        #expect(text.contains("\"jobFileSha256\": \"\(FileDigest.sha256(Data(Self.jobText.utf8)))\",\n \"units\": [\n  {\"job\": \"weekly\", \"report\": \"portfolio\", \"language\": \"en\", \"format\": \"csv\", \"path\": "))
        let keys = ["\"job\"", "\"report\"", "\"language\"", "\"format\"", "\"path\"", "\"bytes\"", "\"sha256\"", "\"durationMs\"", "\"status\"", "\"error\"", "\"index\""]
        let line = text.split(separator: "\n")[3]
        let positions = keys.map { line.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
        // No temporary files are left behind.
        let leftovers = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }
            .filter { $0.contains(AtomicFileWriter.temporaryMarker) }
        #expect(leftovers.isEmpty)
    }

    @Test func allOkMeansExitZeroAndShardIsRecorded() throws {
        let root = temporaryFolder()
        defer { cleanUp(root) }
        let summary = try BatchRunner(root: root, workers: 2).run(try plan(shard: try Shard(parsing: "2/3"))) { unit, destination in
            try AtomicFileWriter.write(Data("\(unit)".utf8), to: destination)
            return []
        }
        #expect(summary.exitCode == 0)
        // CSV units (even indexes) cost twice a text unit: shard 2 gets one CSV and two texts.
        #expect(summary.results.map(\.unit.index) == [1, 2, 5])
        let text = try String(contentsOf: summary.manifest, encoding: .utf8)
        #expect(text.contains("\"shard\": \"2/3\""))
        #expect(summary.manifest.lastPathComponent == "manifest.shard-2-of-3.json")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("manifest.json").path))
    }

    @Test func aHeldLockRefusesASecondRun() throws {
        let root = temporaryFolder()
        defer { cleanUp(root) }
        let held = try FileLock.lockOutput(root)
        #expect {
            _ = try FileLock.lockOutput(root)
        } throws: { error in
            guard let error = error as? BatchError, case .outputLocked(_, let pid) = error else { return false }
            return pid == getpid() && error.exitCode == 75
                && error.description == "\(root.path): error: another run holds the lock for \(root.path) (pid \(getpid())); wait for it to finish"
        }
        let ran = Locked(0)
        #expect(throws: BatchError.outputLocked(folder: root.standardizedFileURL.path, pid: getpid())) {
            _ = try BatchRunner(root: root, workers: 1).run(try plan()) { _, _ in ran.withLock { $0 += 1 }; return [] }
        }
        #expect(ran.current == 0)
        held.release()
        let again = try FileLock.lockOutput(root)
        again.release()
    }

    @Test func jobLocksAreSeparateFromTheOutputLock() throws {
        let root = temporaryFolder()
        defer { cleanUp(root) }
        let output = try FileLock.lockOutput(root)
        let job = try FileLock.lockJob("weekly", in: root)
        #expect(throws: BatchError.jobLocked(job: "weekly", pid: getpid())) { try FileLock.lockJob("weekly", in: root) }
        #expect(BatchError.jobLocked(job: "weekly", pid: 1).exitCode == 75)
        job.release()
        output.release()
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".hamkor-weekly.lock").path))
    }

    @Test func aStopRequestFinishesTheCurrentUnitAndStartsNoMore() throws {
        let root = temporaryFolder()
        defer { cleanUp(root) }
        let stop = StopToken()
        let summary = try BatchRunner(root: root, workers: 1, stop: stop).run(try plan()) { unit, destination in
            stop.handleSignal(SIGTERM)
            try AtomicFileWriter.write(Data("\(unit)".utf8), to: destination)
            return []
        }
        #expect(summary.stopped)
        #expect(summary.results.filter(\.succeeded).count == 1)
        #expect(summary.results[1].error == "not run: the batch was stopped (SIGTERM) before this unit started")
        #expect(FileManager.default.fileExists(atPath: summary.manifest.path))
    }

    @Test func progressReportersSeeEveryUnit() throws {
        let root = temporaryFolder()
        defer { cleanUp(root) }
        let output = Locked("")
        let reporter = TerminalProgressReporter(write: { text in output.withLock { $0 += text } })
        _ = try BatchRunner(root: root, workers: 2, progress: reporter).run(try plan(), Self.fakeAction)
        let text = output.current
        #expect(text.contains("\r\u{1B}[2K[8/8] 1 failed"))
        #expect(text.contains("failed: weekly briefing ru txt: the briefing has no data for 2026\n"))
        #expect(text.hasSuffix("\n"))
    }
}
