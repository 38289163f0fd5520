import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue #9: `hamkor batch` killed with SIGKILL at any moment never leaves a partial output.
///
/// The output folder starts with a previous complete run (made from different data, so old and
/// new versions differ). A run over it is killed at 20+ points spread over a whole run — from
/// process start-up to the manifest — including mid-write of a large XLSX. After each kill every
/// output path holds its previous version or the new one (byte for byte, against reference runs:
/// SOURCE_DATE_EPOCH is fixed), `manifest.json` is the old one or valid JSON, and the next run
/// removes every stale `.hamkor-tmp-` file.
@Suite(.serialized) struct CrashSafetyTests {
    static func projectsCSV(rows: Int, tag: String) -> String {
        var text = "id,name,sector,status,value,currency,startYear\n"
        let sectors = ["energy", "textiles", "agriculture", "transport"]
        let statuses = ["agreed", "proposed"]
        for index in 0..<rows {
            text += "p\(index),\(tag) project number \(index) with a longer name,\(sectors[index % sectors.count]),"
                + "\(statuses[index % 2]),\(1000 + index * 7),USD,\(2000 + index % 30)\n"
        }
        return text
    }

    /// Every regular file under `folder`, relative path → bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            files[relative] = try Data(contentsOf: url)
        }
        return files
    }

    static func copyTree(_ source: URL, to destination: URL) throws {
        try? FileManager.default.removeItem(at: destination)
        try FileManager.default.copyItem(at: source, to: destination)
    }

    func writeJob(in folder: URL, data: String) throws -> URL {
        let job = folder.appendingPathComponent("job-\(data).yaml")
        try Data("""
            data: ["\(data)"]
            output: "{report}/{report}.{lang}.{format}"
            jobs:
              - name: crash
                reports: [portfolio, agreements]
                languages: [en, ru]
                formats: [xlsx, csv, txt]

            """.utf8).write(to: job)
        return job
    }

    @Test func aKilledBatchNeverLeavesAPartialFile() throws {
        let work = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Data(Self.projectsCSV(rows: 200, tag: "Old").utf8).write(to: work.appendingPathComponent("old.csv"))
        try Data(Self.projectsCSV(rows: 1_500, tag: "New").utf8).write(to: work.appendingPathComponent("new.csv"))
        let oldJob = try writeJob(in: work, data: "old.csv"), newJob = try writeJob(in: work, data: "new.csv")

        // Reference runs: the previous complete run, and what the new run writes.
        let previous = work.appendingPathComponent("previous"), reference = work.appendingPathComponent("reference")
        let first = try CLIRunner.run(["batch", oldJob.path, "--out", previous.path, "--quiet"], timeout: 120)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CLIRunner.run(["batch", newJob.path, "--out", reference.path, "--quiet", "--jobs", "2"], timeout: 300)
        #expect(second.status == 0, "\(second.stderr)")
        let old = try Self.snapshot(previous), new = try Self.snapshot(reference)
        let fullRun = second.seconds
        print("crash-safety: reference run \(String(format: "%.2f", fullRun)) s, \(new.count) files, largest \(new.values.map(\.count).max() ?? 0) bytes")
        #expect(old.keys.sorted() == new.keys.sorted())
        // Most outputs differ between the two runs (the agreements report does not read projects).
        let differing = new.filter { $0.key != "manifest.json" && old[$0.key] != $0.value }.count
        #expect(differing >= new.count / 2, "only \(differing) of \(new.count) outputs differ between the runs")

        // Kill points: early ones (start-up, data loading) and then evenly over the whole run.
        var points: [Double] = [0.005, 0.010, 0.020, 0.040, 0.080]
        let spread = 19
        for index in 1...spread { points.append(fullRun * Double(index) / Double(spread)) }
        let out = work.appendingPathComponent("out")
        var outcomes: [String] = []
        var temporariesSeen = 0
        for delay in points {
            try Self.copyTree(previous, to: out)
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["batch", newJob.path, "--out", out.path, "--quiet", "--jobs", "2"]
            process.currentDirectoryURL = CLIRunner.repositoryRoot
            var environment = ProcessInfo.processInfo.environment
            environment["SOURCE_DATE_EPOCH"] = "1724400000"
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let killed = process.terminationReason == .uncaughtSignal

            let state = try Self.snapshot(out)
            var oldCount = 0, newCount = 0
            for (path, bytes) in state {
                if path.contains(".hamkor-tmp-") { temporariesSeen += 1; continue }
                // The run's locks and its journal: Hamkor's bookkeeping, not outputs.
                if [".hamkor.lock", ".hamkor.units.lock", ".manifest.journal"].contains(path) { continue }
                if path == "manifest.json" {
                    if bytes == old[path] { oldCount += 1; continue }
                    let object = try? JSONSerialization.jsonObject(with: bytes)
                    #expect(object != nil, "torn manifest after a kill at \(delay) s")
                    newCount += 1
                    continue
                }
                if bytes == old[path] { oldCount += 1 }
                else if bytes == new[path] { newCount += 1 }
                else { Issue.record("\(path) is neither the previous nor the new version after a kill at \(delay) s (\(bytes.count) bytes)") }
            }
            for path in old.keys where state[path] == nil { Issue.record("\(path) disappeared after a kill at \(delay) s") }
            outcomes.append("\(Int(delay * 1000))ms:\(killed ? "killed" : "finished") old=\(oldCount) new=\(newCount)")
        }
        print("crash-safety: " + outcomes.joined(separator: ", ") + "; temporary files seen: \(temporariesSeen)")
        #expect(points.count >= 20)
        #expect(outcomes.filter { $0.contains("killed") && !$0.contains("new=0") && !$0.contains("old=0") }.count >= 1,
                "no kill landed in the middle of writing outputs")

        // Stale temporary files of the killed runs are removed by the next run, which completes.
        let stale = out.appendingPathComponent("portfolio/.portfolio.en.xlsx.hamkor-tmp-\(Int32.max - 7)-1")
        try Data("partial".utf8).write(to: stale)
        let last = try CLIRunner.run(["batch", newJob.path, "--out", out.path, "--quiet"], timeout: 300)
        #expect(last.status == 0, "\(last.stderr)")
        let final = try Self.snapshot(out)
        #expect(final.keys.filter { $0.contains(".hamkor-tmp-") }.isEmpty, "stale temporary files remain")
        for (path, bytes) in new where path != "manifest.json" { #expect(final[path] == bytes, "\(path) differs from the reference") }
    }
}
