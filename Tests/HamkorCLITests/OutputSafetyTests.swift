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
        for format in [["txt"], ["csv", "--table", "projects"], ["xlsx"], ["pdf"]] {
            let result = try CLIRunner.run(["report", "portfolio", "--output", fifo, "--format"] + format, timeout: 120)
            #expect(!result.signaled && result.status == 73, "\(format): \(result.stderr)")
            #expect(result.stderr.contains("out.txt: error: cannot write: it is a named pipe (FIFO); Hamkor replaces only regular files"), "\(result.stderr)")
            #expect(kind(fifo) == S_IFIFO)
        }
        #expect(files(in: folder) == ["out.txt"], "no temporary file is left")
    }

    /// When the file system refuses the workbook (here a 4 KiB file-size limit, as a full disk
    /// would), libxlsxwriter's own `[ERROR]` line, which names Hamkor's temporary file, is not
    /// shown: Hamkor's message names the output and the system's reason, and nothing is left.
    /// In Russian the workbook is also copied to tag its charts: that copy fails the same way.
    @Test(arguments: ["en", "ru"])
    func aWorkbookTheFileSystemRefusesIsReportedAtTheOutputPath(language: String) throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report.xlsx").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // dash counts `ulimit -f` in 512-byte blocks; SIGXFSZ ignored, so writes fail with EFBIG.
        process.arguments = ["-c", "ulimit -f 8; trap '' XFSZ; exec \"$0\" \"$@\"", CLIRunner.binary.path,
                             "report", "portfolio", "--lang", language, "--output", out]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 73, "\(stderr)")
        #expect(stderr.contains("\(out): error: cannot write: File too large"), "\(stderr)")
        #expect(!stderr.contains("[ERROR]") && !stderr.contains("hamkor-tmp"), "\(stderr)")
        #expect(files(in: folder).isEmpty, "\(files(in: folder))")
    }

    /// A manifest that is a FIFO, or a link to a device, is refused unopened: `manifest verify`
    /// and `manifest merge` never hang on one (exit 66, naming it).
    @Test func aManifestThatIsNotARegularFileIsRefusedUnopened() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = folder.appendingPathComponent("manifest.json").path
        try #require(mkfifo(manifest, 0o644) == 0)
        let verify = try CLIRunner.run(["manifest", "verify", folder.path], timeout: 60)
        #expect(!verify.signaled && verify.status == 66, "\(verify.status) \(verify.stderr)")
        #expect(verify.stderr.contains("manifest.json: error: cannot read: is not a regular file"), "\(verify.stderr)")
        try FileManager.default.removeItem(atPath: manifest)
        let shard = folder.appendingPathComponent("manifest.shard-1-of-1.json").path
        try FileManager.default.createSymbolicLink(atPath: shard, withDestinationPath: "/dev/zero")
        let merge = try CLIRunner.run(["manifest", "merge", folder.path], timeout: 60)
        #expect(!merge.signaled && merge.status == 66, "\(merge.status) \(merge.stderr)")
        #expect(merge.stderr.contains("manifest.shard-1-of-1.json: error: cannot read: is not a regular file"), "\(merge.stderr)")
        #expect(!FileManager.default.fileExists(atPath: manifest))
    }

    /// An output listed in a manifest that was replaced by a FIFO or a link to a device is
    /// reported, not read: `manifest verify` and `batch --resume` finish.
    @Test func anOutputReplacedByAFIFOIsReportedNotRead() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let job = folder.appendingPathComponent("jobs.yaml")
        try Data("jobs:\n  - {name: b, report: briefing, formats: [txt, csv], languages: [en]}\n".utf8).write(to: job)
        let out = folder.appendingPathComponent("out")
        let first = try CLIRunner.run(["batch", job.path, "--out", out.path], timeout: 120)
        try #require(first.status == 0, "\(first.stderr)")
        let outputs = files(in: out).filter { $0.hasSuffix(".txt") || $0.hasSuffix(".csv") }
        try #require(outputs.count >= 2, "\(files(in: out))")
        let fifo = out.appendingPathComponent(outputs[0]).path, device = out.appendingPathComponent(outputs[1]).path
        try FileManager.default.removeItem(atPath: fifo)
        try #require(mkfifo(fifo, 0o644) == 0)
        try FileManager.default.removeItem(atPath: device)
        try FileManager.default.createSymbolicLink(atPath: device, withDestinationPath: "/dev/zero")
        let verify = try CLIRunner.run(["manifest", "verify", out.path], timeout: 60)
        #expect(!verify.signaled && verify.status == 1, "\(verify.status) \(verify.stderr)")
        #expect(verify.stderr.contains("\(outputs[0]): error: not a regular file") && verify.stderr.contains("\(outputs[1]): error: not a regular file"),
                "\(verify.stderr)")
        let resume = try CLIRunner.run(["batch", job.path, "--out", out.path, "--resume"], timeout: 120)
        #expect(!resume.signaled && resume.status != 0 && resume.stderr.contains("cannot write"), "\(resume.status) \(resume.stderr)")
        #expect(kind(fifo) == S_IFIFO && kind(device) == S_IFLNK, "never replaced")
    }

    /// An output that is one of the command's own inputs — a data file, a register, its
    /// profile, by any path or link — is a usage error: the input is never replaced by the output.
    @Test func anOutputThatIsAnInputIsRefused() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("projects.yaml").path
        try FileManager.default.copyItem(atPath: CLIRunner.fixture("partly-translated.yaml"), toPath: data)
        let link = folder.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: data)
        let before = try Data(contentsOf: URL(fileURLWithPath: data))
        for output in [data, link, folder.appendingPathComponent("./projects.yaml").path] {
            let result = try CLIRunner.run(["report", "portfolio", "--data", data, "--format", "csv", "--table", "projects", "--output", output], timeout: 120)
            #expect(result.status == 64 && result.stderr.contains("is the input file '\(data)'"), "\(result.stderr)")
        }
        let fixtures = CLIRunner.repositoryRoot.appendingPathComponent("Tests/HamkorRegistersTests/Fixtures")
        let register = folder.appendingPathComponent("ru-projects.xlsx").path, profile = folder.appendingPathComponent("ru-projects.profile.yaml").path
        try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent("ru-projects.xlsx").path, toPath: register)
        try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent("ru-projects.profile.yaml").path, toPath: profile)
        let profileBefore = try Data(contentsOf: URL(fileURLWithPath: profile)), registerBefore = try Data(contentsOf: URL(fileURLWithPath: register))
        for output in [register, profile] {
            let result = try CLIRunner.run(["import", register, "--output", output], timeout: 120)
            #expect(result.status == 64 && result.stderr.contains("is the input file"), "\(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: data)) == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: profile)) == profileBefore && (try Data(contentsOf: URL(fileURLWithPath: register))) == registerBefore)
        // Another path still works.
        let fine = try CLIRunner.run(["import", register, "--output", folder.appendingPathComponent("imported.yaml").path], timeout: 120)
        #expect(fine.status == 0, "\(fine.stderr)")
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
