import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The contract of `deploy/kubernetes/` run locally: N workers with `JOB_COMPLETION_INDEX`
/// 0..N-1 on one folder, in parallel, one killed mid-unit and retried with `--resume`, then
/// `manifest merge` and `verify` — and the result equals a single-process batch.
@Suite(.serialized) struct IndexedWorkerTests {
    struct Manifest: Decodable {
        struct File: Decodable, Equatable { var path: String, bytes: Int, sha256: String }
        struct Unit: Decodable {
            var job: String, report: String, language: String, format: String
            var path: String, bytes: Int?, sha256: String?, status: String, files: [File]?, reused: Bool?
            var key: String { "\(job) \(report) \(language) \(format)" }
            var allFiles: [File] { files ?? [File(path: path, bytes: bytes ?? -1, sha256: sha256 ?? "")] }
        }
        var shard: String
        var units: [Unit]
        var mergedFrom: [String]?
    }

    func manifest(_ url: URL) throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: url))
    }

    /// A started `hamkor` process whose stderr goes to a file.
    final class Worker {
        let process = Process()
        let log: URL

        init(_ arguments: [String], environment: [String: String], log: URL) throws {
            self.log = log
            process.executableURL = CLIRunner.binary
            process.arguments = arguments
            process.currentDirectoryURL = CLIRunner.repositoryRoot
            var env = ProcessInfo.processInfo.environment
            env["SOURCE_DATE_EPOCH"] = "1724400000"
            for key in ["JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID", "AWS_BATCH_JOB_ARRAY_INDEX", "HAMKOR_SHARDS"] { env[key] = nil }
            for (key, value) in environment { env[key] = value }
            process.environment = env
            FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: log)
            process.standardOutput = FileHandle.nullDevice
            try process.run()
        }

        var stderr: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

        /// Waits for the process, killing it after `timeout` seconds (a hang guard, not a timing).
        func wait(timeout: TimeInterval = 300) -> Int32 {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    static let job = "Reports/jobs.yaml"

    @Test(arguments: [1, 3, 8])
    func workersOnOneFolderWithOneKilledAndRetriedEqualTheSingleProcessBatch(count: Int) throws {
        let work = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let single = work.appendingPathComponent("single"), shared = work.appendingPathComponent("shared")
        let reference = try CLIRunner.run(["batch", Self.job, "--out", single.path, "--quiet"], timeout: 300)
        #expect(reference.status == 0, "\(reference.stderr)")

        // The victim hangs in its second unit, after finishing the first.
        let victim = count / 2
        let plan = try CLIRunner.run(["batch", Self.job, "--dry-run", "--out", "x", "--shard", "\(victim + 1)/\(count)"])
        let victimUnits = plan.stdout.split(separator: "\n").filter { $0.contains("\t") }.map { $0.split(separator: "\t").map(String.init) }
        try #require(victimUnits.count >= 2)
        let hangAt = victimUnits[1][0...3].joined(separator: "/")
        let hangPath = shared.appendingPathComponent(victimUnits[1][4].replacingOccurrences(of: "x/", with: ""))

        var workers: [Worker] = []
        for index in 0..<count {
            var environment = ["JOB_COMPLETION_INDEX": "\(index)"]
            // Half the workers take the count from the environment, half from --shards.
            var arguments = ["batch", Self.job, "--out", shared.path, "--shard", "auto", "--resume", "--jobs", "1", "--log-format", "json"]
            if index % 2 == 0 { environment["HAMKOR_SHARDS"] = "\(count)" } else { arguments += ["--shards", "\(count)"] }
            if index == victim { environment["HAMKOR_TEST_HANG_AT_UNIT"] = hangAt }
            workers.append(try Worker(arguments, environment: environment, log: work.appendingPathComponent("worker-\(index).log")))
        }
        // Kill the victim once it is inside the unit (its lock held, half a temporary file written).
        let deadline = Date().addingTimeInterval(120)
        while !workers[victim].stderr.contains("hamkor-test: hanging in") && workers[victim].process.isRunning && Date() < deadline {
            usleep(20_000)
        }
        #expect(workers[victim].stderr.contains("hamkor-test: hanging in"), "\(workers[victim].stderr)")
        kill(workers[victim].process.processIdentifier, SIGKILL)
        for (index, worker) in workers.enumerated() {
            let status = worker.wait()
            if index != victim { #expect(status == 0, "worker \(index): \(worker.stderr)") }
        }
        #expect(workers[victim].process.terminationReason == .uncaughtSignal)

        // What the killed worker left: no manifest, a journal of its finished unit, half a file.
        let victimManifest = shared.appendingPathComponent("manifest.shard-\(victim + 1)-of-\(count).json")
        #expect(!FileManager.default.fileExists(atPath: victimManifest.path))
        let journal = try String(contentsOf: shared.appendingPathComponent(".manifest.shard-\(victim + 1)-of-\(count).journal"), encoding: .utf8)
        #expect(journal.split(separator: "\n").count == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: hangPath.deletingLastPathComponent().path).filter { $0.contains(".hamkor-tmp-") }
        #expect(leftovers.count == 1)
        let early = try CLIRunner.run(["manifest", "merge", shared.path])
        #expect(early.status == 66)
        #expect(early.stderr.contains("missing shard manifest: manifest.shard-\(victim + 1)-of-\(count).json"), "\(early.stderr)")

        // The engine retries the index; the retry keeps the finished unit and redoes the rest.
        let retry = try CLIRunner.run(["batch", Self.job, "--out", shared.path, "--shard", "auto", "--resume", "--jobs", "1"],
                                      environment: ["JOB_COMPLETION_INDEX": "\(victim)", "HAMKOR_SHARDS": "\(count)"], timeout: 300)
        #expect(retry.status == 0, "\(retry.stderr)")
        let retried = try manifest(victimManifest)
        #expect(retried.units.filter { $0.reused == true }.map(\.key) == [victimUnits[0][0...3].joined(separator: " ")])

        let merge = try CLIRunner.run(["manifest", "merge", shared.path])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(merge.stderr.contains("merged \(count) shard manifests: 114 units, 0 failed"), "\(merge.stderr)")
        let verify = try CLIRunner.run(["manifest", "verify", shared.path])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stderr.contains("ok: "), "\(verify.stderr)")

        // File for file and digest for digest, the single-process batch.
        let merged = try manifest(shared.appendingPathComponent("manifest.json"))
        let whole = try manifest(single.appendingPathComponent("manifest.json"))
        #expect(merged.shard == "1/1")
        #expect(merged.mergedFrom?.count == count)
        #expect(merged.units.map(\.key) == whole.units.map(\.key))
        #expect(merged.units.map(\.allFiles) == whole.units.map(\.allFiles))
        let sharedFiles = try Self.outputs(shared), singleFiles = try Self.outputs(single)
        #expect(sharedFiles == singleFiles)
        #expect(sharedFiles.count >= 60)
    }

    /// Every output file (not Hamkor's own) with its bytes; fails on a leftover temporary file.
    static func outputs(_ root: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: root.path)! {
            let name = (path as NSString).lastPathComponent
            #expect(!name.contains(".hamkor-tmp-"), "temporary file left: \(path)")
            if name.hasPrefix(".") || name.hasPrefix("manifest") { continue }
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { found[path] = try Data(contentsOf: root.appendingPathComponent(path)) }
        }
        return found
    }

    @Test func shardAutoWithoutItsVariablesIsAUsageErrorNamingThem() throws {
        let missing = try CLIRunner.run(["batch", Self.job, "--shard", "auto", "--dry-run"],
                                        environment: ["JOB_COMPLETION_INDEX": "2"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("needs the number of workers: pass --shards N or set HAMKOR_SHARDS"), "\(missing.stderr)")
        let bad = try CLIRunner.run(["batch", Self.job, "--shard", "auto", "--dry-run"],
                                    environment: ["JOB_COMPLETION_INDEX": "2", "HAMKOR_SHARDS": "two"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("HAMKOR_SHARDS='two' is not a whole number"), "\(bad.stderr)")
        let planned = try CLIRunner.run(["batch", Self.job, "--shard", "auto", "--dry-run", "--out", "x"],
                                        environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "4"])
        #expect(planned.status == 0, "\(planned.stderr)")
        #expect(planned.stdout.contains("(shard 2/4 of 114 units), then x/manifest.shard-2-of-4.json"), "\(planned.stdout)")
        let stray = try CLIRunner.run(["batch", Self.job, "--shards", "4", "--dry-run"])
        #expect(stray.status == 64)
        #expect(stray.stderr.contains("--shards goes with --shard auto"))
    }
}
