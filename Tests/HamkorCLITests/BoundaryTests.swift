import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue #9: outputs never leave the output root, unwritable and full destinations exit 73
/// naming the path with no partial file, and two batches on one folder never interleave.
@Suite(.serialized) struct BoundaryTests {
    func job(_ folder: URL, output: String, data: String? = nil, formats: String = "[txt]") throws -> URL {
        let url = folder.appendingPathComponent("job-\(UUID().uuidString).yaml")
        try Data("""
            \(data.map { "data: [\"\($0)\"]\n" } ?? "")output: "\(output)"
            jobs:
              - name: boundary
                reports: [portfolio]
                languages: [en]
                formats: \(formats)

            """.utf8).write(to: url)
        return url
    }

    func allFiles(_ folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []
    }

    @Test func anAbsoluteOutputTemplateIsRefused() throws {
        let work = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let outside = work.appendingPathComponent("outside")
        let result = try CLIRunner.run(["batch", try job(work, output: "\(outside.path)/{report}.{format}").path,
                                        "--out", work.appendingPathComponent("out").path])
        #expect([65, 73].contains(result.status), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: outside.path))
    }

    @Test func aSymbolicLinkInsideTheRootThatLeadsOutsideIsRefused() throws {
        let work = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let outside = work.appendingPathComponent("outside"), out = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("portfolio"), withDestinationURL: outside)
        let result = try CLIRunner.run(["batch", try job(work, output: "{report}/{report}.{lang}.{format}").path, "--out", out.path])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("portfolio"), "\(result.stderr)")
        #expect(allFiles(outside).isEmpty, "written outside the root: \(allFiles(outside))")
        // A link to a file outside, at the output path itself, is not written through either.
        try FileManager.default.removeItem(at: out.appendingPathComponent("portfolio"))
        let target = outside.appendingPathComponent("victim.txt")
        try Data("keep me".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("portfolio.en.txt"), withDestinationURL: target)
        let second = try CLIRunner.run(["batch", try job(work, output: "{report}.{lang}.{format}").path, "--out", out.path])
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep me", "exit \(second.status): \(second.stderr)")
    }

    @Test func anOutputUnderARegularFileExits73WithThePath() throws {
        let work = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let file = work.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        let batch = try CLIRunner.run(["batch", try job(work, output: "{report}.{format}").path, "--out", file.appendingPathComponent("out").path])
        #expect(batch.status == 73, "\(batch.stderr)")
        #expect(batch.stderr.contains("plain-file"), "\(batch.stderr)")
        let report = try CLIRunner.run(["report", "portfolio", "--format", "txt", "--output", file.appendingPathComponent("r.txt").path])
        #expect(report.status == 73, "\(report.stderr)")
        #expect(report.stderr.contains("plain-file/r.txt"), "\(report.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "x")
    }

    @Test func anImmutableFolderExits73WithThePath() throws {
        // Tests run as root, so permission bits do not deny; `chattr +i` does (where supported).
        let work = CLIRunner.temporaryFolder()
        defer {
            _ = try? shell("/usr/bin/chattr", ["-i", work.appendingPathComponent("locked").path])
            try? FileManager.default.removeItem(at: work)
        }
        let locked = work.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr"),
              (try? shell("/usr/bin/chattr", ["+i", locked.path])) == 0 else {
            print("skipped: chattr +i is not available on this file system")
            return
        }
        let report = try CLIRunner.run(["report", "portfolio", "--format", "txt", "--output", locked.appendingPathComponent("r.txt").path])
        #expect(report.status == 73, "\(report.stderr)")
        #expect(report.stderr.contains("locked/r.txt"), "\(report.stderr)")
    }

    @discardableResult
    func shell(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func aFullDiskExits73WithThePathAndNoPartialFile() throws {
        let work = CLIRunner.temporaryFolder()
        let disk = work.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        defer {
            _ = try? shell("/bin/umount", [disk.path])
            try? FileManager.default.removeItem(at: work)
        }
        guard getuid() == 0, (try? shell("/bin/mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", disk.path])) == 0 else {
            print("skipped: cannot mount a small tmpfs here (needs root and mount permission)")
            return
        }
        let data = work.appendingPathComponent("big.csv")
        try Data(CrashSafetyTests.projectsCSV(rows: 1000, tag: "Disk").utf8).write(to: data)
        for format in ["xlsx", "csv", "txt"] {
            for name in allFiles(disk) { try? FileManager.default.removeItem(at: disk.appendingPathComponent(name)) }
            let target = disk.appendingPathComponent("portfolio.\(format)")
            let result = try CLIRunner.run(["report", "portfolio", "--data", data.path, "--format", format, "--output", target.path])
            #expect(result.status == 73, "\(format): exit \(result.status): \(result.stderr.prefix(500))")
            #expect(result.stderr.contains(disk.path), "\(format): \(result.stderr.prefix(500))")
            #expect(!result.stderr.contains("Fatal error"))
            #expect(allFiles(disk).isEmpty, "\(format): left \(allFiles(disk))")
        }
        for name in allFiles(disk) { try? FileManager.default.removeItem(at: disk.appendingPathComponent(name)) }
        let batch = try CLIRunner.run(["batch", try job(work, output: "{report}.{lang}.{format}", data: "big.csv", formats: "[xlsx, csv, txt]").path,
                                       "--out", disk.path, "--quiet"])
        #expect([1, 73].contains(batch.status), "\(batch.stderr.prefix(500))")
        #expect(allFiles(disk).filter { $0.contains(".hamkor-tmp-") || $0.hasPrefix("portfolio") }.isEmpty, "left \(allFiles(disk))")
    }

    @Test func twoBatchesOnOneFolderNeverInterleave() throws {
        let work = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Data(CrashSafetyTests.projectsCSV(rows: 8_000, tag: "Lock").utf8).write(to: work.appendingPathComponent("big.csv"))
        let jobFile = try job(work, output: "{report}.{lang}.{format}", data: "big.csv", formats: "[xlsx, csv, txt]")
        let out = work.appendingPathComponent("out")
        let first = Process()
        first.executableURL = CLIRunner.binary
        first.arguments = ["batch", jobFile.path, "--out", out.path, "--quiet"]
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1724400000"
        first.environment = environment
        first.standardError = FileHandle.nullDevice
        try first.run()
        // Wait until the first run holds the lock (its lock file exists and is locked).
        let lockPath = out.appendingPathComponent(".hamkor.lock").path
        var second: CLIRunner.Result?
        let deadline = Date().addingTimeInterval(30)
        while first.isRunning && Date() < deadline {
            if FileManager.default.fileExists(atPath: lockPath) {
                second = try CLIRunner.run(["batch", jobFile.path, "--out", out.path, "--quiet"], timeout: 60)
                break
            }
            usleep(2000)
        }
        let secondWhileRunning = first.isRunning
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        if let second, secondWhileRunning {
            #expect(second.status == 75, "\(second.stderr)")
            #expect(second.stderr.contains("lock"), "\(second.stderr)")
        } else {
            Issue.record("the first run finished before the second could start; make the data bigger")
        }
        let reference = work.appendingPathComponent("reference")
        #expect(try CLIRunner.run(["batch", jobFile.path, "--out", reference.path, "--quiet"], timeout: 120).status == 0)
        for name in ["portfolio.en.xlsx", "portfolio.en.txt", "portfolio.en.projects.csv"] {
            #expect(FileManager.default.contents(atPath: out.appendingPathComponent(name).path)
                    == FileManager.default.contents(atPath: reference.appendingPathComponent(name).path), "\(name) differs")
        }
    }
}
