import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue #17, class 3: outputs never replace what they must not. Only a regular file (or
/// nothing) is replaced; every batch output path is checked against every other and against
/// Hamkor's own files (manifest, locks, temporary files) before anything is written; the
/// temporary-file sweep removes only names Hamkor made, of runs no longer alive.
@Suite(.serialized) struct OutputSafetyTests {
    func kind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    func files(in folder: URL) -> [String] {
        ((FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []).sorted()
    }

    @Test func aFIFOAsTheOutputIsRefusedAndStaysAFIFO() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("out.txt").path
        try #require(mkfifo(fifo, 0o644) == 0)
        for format in [["txt"], ["csv", "--table", "projects"], ["xlsx"]] {
            let result = try CLIRunner.run(["report", "portfolio", "--output", fifo, "--format"] + format, timeout: 120)
            #expect(!result.signaled && result.status == 73, "\(format): \(result.stderr)")
            #expect(result.stderr.contains("out.txt: error: cannot write: it is a named pipe (FIFO); Hamkor replaces only regular files"), "\(result.stderr)")
            #expect(kind(fifo) == S_IFIFO)
        }
        #expect(files(in: folder) == ["out.txt"], "no temporary file is left")
    }

    @Test func aDeviceNodeOrALinkToOneIsNeverReplaced() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A null device of our own (tests run as root here; elsewhere only the link is tested).
        let device = folder.appendingPathComponent("null-device").path
        let madeDevice = mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0
        let link = folder.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
        let targets: [(path: String, expected: String)] = [(link, "a symbolic link")] + (madeDevice ? [(device, "a device")] : [])
        for (path, expected) in targets {
            let result = try CLIRunner.run(["report", "briefing", "--format", "txt", "--output", path], timeout: 120)
            #expect(result.status == 73 && result.stderr.contains("it is \(expected); Hamkor replaces only regular files"), "\(result.stderr)")
        }
        #expect(kind(link) == S_IFLNK)
        if madeDevice { #expect(kind(device) == S_IFCHR) }
        // A folder at the output path is refused the same way, before anything is written.
        let sub = folder.appendingPathComponent("folder.xlsx")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: false)
        let result = try CLIRunner.run(["report", "briefing", "--output", sub.path], timeout: 120)
        #expect(result.status == 73 && result.stderr.contains("it is a folder"), "\(result.stderr)")
    }

    /// Runs a batch with the given job file text in a new folder; returns the result and the out folder.
    func batch(_ jobFile: String, in folder: URL) throws -> (CLIRunner.Result, URL) {
        let job = folder.appendingPathComponent("jobs.yaml")
        try Data(jobFile.utf8).write(to: job)
        let out = folder.appendingPathComponent("out")
        return (try CLIRunner.run(["batch", job.path, "--out", out.path], timeout: 300), out)
    }

    @Test(arguments: [
        ("output: \"manifest.json\"\njobs:\n  - {name: a, report: briefing, formats: [txt], languages: [en]}\n", "manifest*.json at the top of the output folder is Hamkor's manifest"),
        ("output: \"manifest-{lang}.json\"\njobs:\n  - {name: a, report: briefing, formats: [txt], languages: [en]}\n", "Hamkor's manifest"),
        ("output: \".{job}.lock\"\njobs:\n  - {name: hamkor, report: briefing, formats: [txt], languages: [en]}\n", "Hamkor's lock file"),
        ("output: \"{job}/.hamkor-{lang}.lock\"\njobs:\n  - {name: a, report: briefing, formats: [txt], languages: [en]}\n", "Hamkor's lock file"),
        ("output: \".{job}.hamkor-tmp-1-2-3\"\njobs:\n  - {name: x, report: briefing, formats: [txt], languages: [en]}\n", "Hamkor's temporary files"),
    ])
    func aTemplateNamingHamkorsOwnFilesIsRefusedBeforeAnythingIsWritten(_ jobFile: String, _ reason: String) throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (result, out) = try batch(jobFile, in: folder)
        #expect(result.status == 65 && result.stderr.contains(reason), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "\(files(in: out))")
    }

    @Test func unitsOfDifferentJobsThatWouldWriteOneFileAreRefused() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Job x writes x.csv as one file per table: x.by-sector.csv among them; job
        // x.by-sector writes x.by-sector.csv itself.
        let (result, out) = try batch("""
            output: "{job}.csv"
            jobs:
              - {name: x, report: portfolio, formats: [csv], languages: [en]}
              - {name: x.by-sector, report: briefing, formats: [txt], languages: [en]}

            """, in: folder)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("x.by-sector.csv: error: units 'x portfolio en csv' and 'x.by-sector briefing en txt' would write the same file"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // A file one unit writes that another needs as a folder.
        let (nested, _) = try batch("""
            output: "{job}"
            jobs:
              - {name: a, report: briefing, formats: [txt], languages: [en]}
              - {name: a/b, report: briefing, formats: [txt], languages: [en]}

            """, in: folder)
        #expect(nested.status == 65, "\(nested.stderr)")
    }

    @Test func aJobCannotTakeOverTheLockSoASecondRunStillExits75() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // Hold the lock as another run would.
        let lock = open(out.appendingPathComponent(".hamkor.lock").path, O_RDWR | O_CREAT, 0o644)
        try #require(lock >= 0)
        defer { close(lock) }
        try #require(flock(lock, LOCK_EX | LOCK_NB) == 0)
        let job = folder.appendingPathComponent("jobs.yaml")
        try Data("output: \".{job}.lock\"\njobs:\n  - {name: hamkor, report: briefing, formats: [txt], languages: [en]}\n".utf8).write(to: job)
        let refused = try CLIRunner.run(["batch", job.path, "--out", out.path], timeout: 300)
        #expect(refused.status == 65, "\(refused.stderr)")
        try Data("jobs:\n  - {name: a, report: briefing, formats: [txt], languages: [en]}\n".utf8).write(to: job)
        let locked = try CLIRunner.run(["batch", job.path, "--out", out.path], timeout: 300)
        #expect(locked.status == 75, "\(locked.stderr)")
    }

    @Test func theSweepRemovesOnlyHamkorsOwnStaleTemporaries() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out.appendingPathComponent(".d.txt.hamkor-tmp-1-5-7"), withIntermediateDirectories: true)
        let stat = try String(contentsOfFile: "/proc/self/stat", encoding: .utf8)
        let fields = stat[stat.index(after: stat.lastIndex(of: ")")!)...].split(separator: " ")
        let kept = [
            "notes.hamkor-tmp-keep.txt",                    // a user's file that holds the marker
            "report.txt.hamkor-tmp-1-2",                    // no leading dot: not a name Hamkor makes
            ".x.hamkor-tmp-12-ab-3",                        // not numbers
            ".live.txt.hamkor-tmp-\(getpid())-\(fields[19])-9",  // this test process: alive
        ]
        let removed = [
            ".old.txt.hamkor-tmp-1-5-7",                    // pid 1 of an earlier container run
            ".older.txt.hamkor-tmp-1-9",                    // the old form, pid 1
            ".gone.txt.hamkor-tmp-999999999-1-2",           // a pid that does not exist
        ]
        for name in kept + removed { try Data("x".utf8).write(to: out.appendingPathComponent(name)) }
        let job = folder.appendingPathComponent("jobs.yaml")
        try Data("jobs:\n  - {name: a, report: briefing, formats: [txt], languages: [en]}\n".utf8).write(to: job)
        let result = try CLIRunner.run(["batch", job.path, "--out", out.path], timeout: 300)
        #expect(result.status == 0, "\(result.stderr)")
        for name in kept { #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "removed \(name)") }
        for name in removed { #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "kept \(name)") }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(".d.txt.hamkor-tmp-1-5-7").path), "a folder is never swept")
    }
}
