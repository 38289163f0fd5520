import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue #9: every hostile input is refused by `validate`, `report` and `batch` alike — exit 65
/// (66 when the input cannot be read at all), a message naming the file (and the line where
/// there is one), in bounded time, and never a crash.
///
/// Small cases are files in `Fixtures/hostile/`; big and binary ones are generated here.
/// Decisions recorded by these cases (see docs/DATA.md, "Limits" and "Refused input"):
/// an empty, blank or comment-only data file is an error (65); a folder without data files is
/// 66; a FIFO or device is 66 (never opened, so never hangs); several YAML documents are 65;
/// a zero value is valid (see `aZeroValueIsAValidControlCase`).
@Suite(.serialized) struct HostileInputTests {
    struct Case: CustomStringConvertible {
        var name: String
        /// 65, or 66 for inputs that cannot be read.
        var exit: Int32 = 65
        /// Whether the first message must carry `FILE:LINE:COL`.
        var located = true
        /// Text the message must contain.
        var mentions: String?
        var description: String { name }
    }

    static let fixtureFolder = CLIRunner.fixtures.appendingPathComponent("hostile")

    /// Every committed fixture: all located except the file-level ones listed.
    static let fixtureCases: [Case] = {
        let unlocated: [String: String] = [
            "whitespace-only.yaml": "empty", "comments-only.yaml": "only comments", "empty.csv": "empty",
            "unsupported-extension.txt": "unsupported file type",
        ]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtureFolder.path)) ?? []
        return names.sorted().map { name in
            Case(name: name, located: unlocated[name] == nil, mentions: unlocated[name])
        }
    }()

    /// Generated cases: (case, writer of the file at the given URL).
    static let generated: [(Case, @Sendable (URL) throws -> Void)] = [
        (Case(name: "empty.yaml", located: false, mentions: "empty"), { try Data().write(to: $0) }),
        (Case(name: "empty.json", located: false, mentions: "empty"), { try Data().write(to: $0) }),
        (Case(name: "million-empty-lines.yaml", located: false, mentions: "empty"),
         { try Data(repeating: 0x0A, count: 1_000_000).write(to: $0) }),
        (Case(name: "million-lines-then-error.yaml", mentions: ":1000001:"),
         { try (Data(repeating: 0x0A, count: 1_000_000) + Data("projects: 5\n".utf8)).write(to: $0) }),
        (Case(name: "binary-garbage.yaml"), { try randomBytes(65_536, seed: 1, range: 0...255).write(to: $0) }),
        (Case(name: "binary-high-bytes.json", mentions: "UTF-8"), { try randomBytes(4096, seed: 2, range: 0x80...0xFF).write(to: $0) }),
        (Case(name: "elf-header.csv"), { try (Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]) + randomBytes(1000, seed: 3, range: 0...255)).write(to: $0) }),
        (Case(name: "deep-flow.json", mentions: "nested more than"),
         { try Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8).write(to: $0) }),
        (Case(name: "deep-flow-objects.json", mentions: "nested more than"),
         { try Data((String(repeating: "{\"a\":", count: 50_000) + "1" + String(repeating: "}", count: 50_000)).utf8).write(to: $0) }),
        (Case(name: "deep-block.yaml", mentions: "levels"), { url in
            var text = ""
            for level in 0..<300 { text += String(repeating: " ", count: level * 2) + "k\(level):\n" }
            try Data(text.utf8).write(to: url)
        }),
        (Case(name: "deep-compact-sequence.yaml", mentions: "levels"),
         { try Data((String(repeating: "- ", count: 50_000) + "x\n").utf8).write(to: $0) }),
        (Case(name: "long-name.yaml", mentions: "100000 characters"), { url in
            let text = "projects:\n  - id: p1\n    name: {en: \"\(String(repeating: "x", count: 100_000))\"}\n    sector: energy\n    status: agreed\n"
            try Data(text.utf8).write(to: url)
        }),
        (Case(name: "long-id.yaml"), { url in
            let text = "projects:\n  - id: \(String(repeating: "a", count: 100_000))\n    name: {en: x}\n    sector: energy\n    status: agreed\n"
            try Data(text.utf8).write(to: url)
        }),
        (Case(name: "long-key.yaml", mentions: "syntax error"), { url in
            try Data("\(String(repeating: "k", count: 100_000)): 1\n".utf8).write(to: url)
        }),
        (Case(name: "long-csv-name.csv"), { url in
            try Data("id,name,sector,status\np1,\(String(repeating: "n", count: 100_000)),energy,agreed\n".utf8).write(to: url)
        }),
        (Case(name: "many-bad-records.yaml"), { url in
            var text = "projects:\n"
            for index in 0..<20_000 { text += "  - {id: p\(index), name: {en: x}, sector: nope, status: agreed}\n" }
            try Data(text.utf8).write(to: url)
        }),
        (Case(name: "huge-200mb.yaml", located: false, mentions: "larger than"), { url in
            // Sparse: 200 MB on paper, nothing on disk; must fail on the size before reading.
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)  // opening it below fails loudly
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: 200 * 1024 * 1024)
            try handle.close()
        }),
        (Case(name: "fifo.yaml", exit: 66, located: false, mentions: "not a regular file"),
         { url in #expect(mkfifo(url.path, 0o644) == 0) }),
        (Case(name: "dev-zero.yaml", exit: 66, located: false, mentions: "not a regular file"),
         { try FileManager.default.createSymbolicLink(atPath: $0.path, withDestinationPath: "/dev/zero") }),
        (Case(name: "dangling-link.yaml", exit: 66, located: false),
         { try FileManager.default.createSymbolicLink(atPath: $0.path, withDestinationPath: "/nonexistent/hamkor/x.yaml") }),
        (Case(name: "no-data-folder", exit: 66, located: false, mentions: "no data files"), { url in
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data("not data".utf8).write(to: url.appendingPathComponent("README.txt"))
        }),
        (Case(name: "missing.yaml", exit: 66, located: false, mentions: "no such file"), { _ in }),
    ]

    static func randomBytes(_ count: Int, seed: UInt64, range: ClosedRange<UInt8>) -> Data {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        var bytes = [UInt8](repeating: 0, count: count)
        for index in 0..<count {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            bytes[index] = range.lowerBound &+ UInt8(truncatingIfNeeded: state % UInt64(Int(range.upperBound) - Int(range.lowerBound) + 1))
        }
        return Data(bytes)
    }

    /// Runs the three commands on `file` (inside `folder`) and checks each outcome.
    func check(_ testCase: Case, file: URL, folder: URL) throws {
        let out = folder.appendingPathComponent("out")
        let job = folder.appendingPathComponent("job-\(UUID().uuidString).yaml")
        try Data("""
            data: ["\(file.lastPathComponent)"]
            jobs:
              - name: hostile
                report: portfolio
                formats: [txt]

            """.utf8).write(to: job)
        let commands: [(String, [String])] = [
            ("validate", ["validate", "--data", file.path]),
            ("report", ["report", "portfolio", "--data", file.path, "--format", "txt", "--output", out.appendingPathComponent("r.txt").path]),
            ("batch", ["batch", job.path, "--out", out.path]),
        ]
        for (command, arguments) in commands {
            let result = try CLIRunner.run(arguments, timeout: 30)
            let label = "\(testCase.name) / \(command): exit \(result.status), \(String(format: "%.2f", result.seconds)) s, stderr: \(result.stderr.prefix(400))"
            #expect(!result.signaled, "killed by a signal (crash or timeout) — \(label)")
            #expect(result.seconds < 20, "too slow — \(label)")
            #expect(result.status == testCase.exit, "\(label)")
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump") && !result.stderr.contains("Current stack trace"),
                    "crash text — \(label)")
            let firstLine = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
            #expect(firstLine.contains(file.lastPathComponent), "message does not name the file — \(label)")
            if testCase.located {
                let pattern = #"\#(NSRegularExpression.escapedPattern(for: file.lastPathComponent)):\d+:\d+: error: "#
                #expect(firstLine.range(of: pattern, options: .regularExpression) != nil, "no FILE:LINE:COL — \(label)")
            }
            if let mentions = testCase.mentions {
                #expect(result.stderr.contains(mentions), "expected '\(mentions)' — \(label)")
            }
            // At most 1000 problems are listed (ProblemList.limit), each one line.
            #expect(result.stderr.split(separator: "\n").count <= 1001 && result.stderr.utf8.count < 1_000_000, "unbounded error output — \(label)")
            // Nothing is written for invalid input.
            let written = (FileManager.default.enumerator(atPath: out.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".txt") }
            #expect(written.isEmpty, "wrote \(written) — \(label)")
        }
    }

    @Test(arguments: fixtureCases)
    func aCommittedHostileFixtureIsRefused(_ testCase: Case) throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(testCase.name)
        try FileManager.default.copyItem(at: Self.fixtureFolder.appendingPathComponent(testCase.name), to: file)
        try check(testCase, file: file, folder: folder)
    }

    @Test func everyGeneratedHostileInputIsRefused() throws {
        for (testCase, write) in Self.generated {
            let folder = CLIRunner.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent(testCase.name)
            try write(file)
            try check(testCase, file: file, folder: folder)
        }
    }

    @Test func theCorpusHasAtLeastFortyCases() {
        #expect(Self.fixtureCases.count + Self.generated.count >= 40)
    }

    /// A zero value is legitimate (an MoU with no money attached); only negative ones are refused.
    @Test func aZeroValueIsAValidControlCase() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("zero.yaml")
        try Data("projects:\n  - {id: p1, name: {en: Memorandum}, sector: energy, status: agreed, value: {amount: 0, currency: USD}}\n".utf8).write(to: file)
        let result = try CLIRunner.run(["validate", "--data", file.path], timeout: 30)
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// The 200 MB case must be refused from its size alone: quickly, without reading it into memory.
    @Test func anOversizedFileFailsFastWithBoundedMemory() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("big.yaml")
        try #require(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 200 * 1024 * 1024)
        try handle.close()
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else {
            let result = try CLIRunner.run(["validate", "--data", file.path], timeout: 30)
            #expect(result.status == 65 && result.seconds < 5, "\(result.stderr)")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "maxrss=%M", CLIRunner.binary.path, "validate", "--data", file.path]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 65, "\(text)")
        let rss = text.split(separator: "\n").last { $0.hasPrefix("maxrss=") }.flatMap { Int($0.dropFirst(7)) } ?? 0
        #expect(rss > 0 && rss < 150_000, "peak memory \(rss) KiB for a refused 200 MB file")
    }
}
