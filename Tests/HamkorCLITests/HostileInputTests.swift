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
            Case(name: name, located: unlocated[name] == nil, mentions: unlocated[name] ?? mentions[name])
        }
    }()

    /// What the message of a fixture must say, where one detail is the point of the case
    /// (issue #17: each names the class it belongs to).
    static let mentions: [String: String] = [
        // Class 1: an alias bomb behind text the old hand-written guard misread.
        "bomb-after-backslash-string.yaml": "anchors", "bomb-after-single-quote-backslash.yaml": "anchors",
        "bomb-after-escaped-quote.yaml": "anchors", "bomb-after-block-scalar.yaml": "anchors",
        "bomb-after-folded-scalar.yaml": "anchors", "bomb-after-comment-quote.yaml": "anchors",
        "bomb-after-hash-in-plain.yaml": "anchors", "bomb-in-explicit-key.yaml": "anchors",
        "bomb-after-backslash-crlf.yaml": "anchors", "anchor-on-flow-key.yaml": "anchors", "alias-undefined.yaml": "aliases",
        "anchor-after-tag.yaml": "anchors", "anchor-on-mapping.yaml": "anchors",
        "alias-after-multiline-plain.yaml": "aliases", "merge-key-alias.yaml": "anchors",
        // Class 5: strict JSON; a CSV naming the English name twice.
        "json-alias.json": "unexpected '*'", "json-anchor.json": "unexpected '&'",
        "json-line-comment.json": "comments are not allowed", "json-block-comment.json": "comments are not allowed",
        "json-hash-comment.json": "comments are not allowed", "json-single-quotes.json": "single quotes",
        "json-unquoted-key.json": "keys must be strings", "json-trailing-comma-object.json": "trailing comma",
        "json-nan.json": "unexpected 'N'", "json-leading-zero.json": "start with 0", "json-hex-number.json": "unexpected 'x'",
        "json-raw-tab-in-string.json": "U+0009 inside a string", "json-raw-newline-in-string.json": "U+000A inside a string",
        "json-bad-escape.json": "not a JSON escape", "json-text-after-value.json": "after the end",
        "json-yaml-style.json": "unexpected 'p'", "json-plus-number.json": "unexpected '+'",
        "json-trailing-line-comment.json": "comments are not allowed", "json-infinity.json": "unexpected 'I'",
        "json-capital-true.json": "unexpected 'T'",
        "csv-name-and-name-en.csv": "both give the English name", "csv-name-en-and-name.csv": "both give the English name",
        // Class 6: surrogates, raw control characters located, echoed values escaped, NFD ids.
        "json-lone-high-surrogate.json": "first half of a surrogate pair", "json-lone-low-surrogate.json": "second half",
        "json-reversed-surrogates.json": "second half",
        "json-surrogate-pair-then-error.json": ":1:76: error: projects[0].sector: unknown sector code 'nope'",
        "control-soh-byte.yaml": ":3:18: error: the control character U+0001", "control-del-byte.yaml": ":3:17: error: the control character U+007F",
        "c1-control-byte.yaml": ":3:17: error: the control character U+0085",
        "noncharacter-fffe.yaml": ":3:18: error: control characters are not allowed (U+FFFE)",
        "noncharacter-ffff.yaml": ":3:17: error: control characters are not allowed (U+FFFF)",
        "id-with-line-feed.yaml": "'p1\\n/tmp/x.yaml:1:1: error: forged' is not a valid id: it has U+000A at character 3",
        "code-with-line-feed.yaml": "'energy\\nerror: forged'", "unknown-key-with-escape.yaml": "na\\u{001B}[31mme",
        "id-nfd.yaml": "U+0301 COMBINING ACUTE ACCENT at character 5 (a combining mark", "id-combining-only.yaml": "U+0301",
        "id-bidi-mark.yaml": "U+200F RIGHT-TO-LEFT MARK",
        // Class 4: text a workbook cannot hold, dates spreadsheets get wrong, text that breaks a table.
        "noncharacter-json-escape.json": ":1:43: error: projects[0].name.en: contains the noncharacter U+FFFE",
        "noncharacter-json-ffff.json": "contains the noncharacter U+FFFF", "noncharacter-csv.csv": "contains the noncharacter U+FFFF",
        "date-julian-1500.yaml": "1500-03-01 is outside the dates Hamkor reports, 1900-03-01 to 2100-12-31",
        "date-before-excel-leap-bug.yaml": "1900-01-15 is outside", "date-1900-02-28.yaml": "1900-02-28 is outside",
        "date-after-2100.yaml": "2101-01-01 is outside",
        "name-with-line-feed.yaml": ":3:16: error: projects[0].name.en: holds a line feed", "name-with-tab.yaml": "holds a tab",
        "name-block-scalar.yaml": "holds a line feed", "source-with-tab.json": "projects[0].source: holds a tab",
        "csv-name-with-tab.csv": ":2:2: error: name: holds a tab",
        // Class 4: amounts whose sum `Decimal` cannot hold exactly (it would round the small part away).
        "sum-30-digits-plus-30-decimals.yaml": "the USD amounts need 60 significant digits to add up exactly",
        "sum-30-digits-plus-30-decimals.csv": "the UZS amounts need 60 significant digits to add up exactly",
        "sum-30-digits-plus-30-decimals.json": "the AZN amounts need 60 significant digits to add up exactly",
    ]

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
        // A project table is read into a reused buffer, by its own path: the same refusals.
        (Case(name: "fifo.csv", exit: 66, located: false, mentions: "not a regular file"),
         { url in #expect(mkfifo(url.path, 0o644) == 0) }),
        (Case(name: "dev-zero.csv", exit: 66, located: false, mentions: "not a regular file"),
         { try FileManager.default.createSymbolicLink(atPath: $0.path, withDestinationPath: "/dev/zero") }),
        (Case(name: "huge-200mb.csv", located: false, mentions: "larger than"), { url in
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: 200 * 1024 * 1024)
            try handle.close()
        }),
        (Case(name: "dangling-link.csv", exit: 66, located: false),
         { try FileManager.default.createSymbolicLink(atPath: $0.path, withDestinationPath: "/nonexistent/hamkor/x.csv") }),
        (Case(name: "dangling-link.yaml", exit: 66, located: false),
         { try FileManager.default.createSymbolicLink(atPath: $0.path, withDestinationPath: "/nonexistent/hamkor/x.yaml") }),
        (Case(name: "no-data-folder", exit: 66, located: false, mentions: "no data files"), { url in
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data("not data".utf8).write(to: url.appendingPathComponent("README.txt"))
        }),
        (Case(name: "missing.yaml", exit: 66, located: false, mentions: "no such file"), { _ in }),
        // Issue #17, class 1: limits in the unit that costs (scalars, not graphemes), and alias
        // bombs the old guard was blind to, at full size.
        (Case(name: "combining-marks-name.yaml", mentions: "2000001 characters (Unicode scalars) long; the limit is 10000"), { url in
            let name = "a" + String(repeating: "\u{0301}", count: 2_000_000)
            try Data("projects:\n  - {id: p1, name: {en: \"\(name)\"}, sector: energy, status: agreed}\n".utf8).write(to: url)
        }),
        (Case(name: "combining-marks-id.yaml", mentions: "is 1000001 characters (Unicode scalars) long"), { url in
            let id = "p" + String(repeating: "\u{0301}", count: 1_000_000)
            try Data("projects:\n  - {id: \"\(id)\", name: {en: x}, sector: energy, status: agreed}\n".utf8).write(to: url)
        }),
        (Case(name: "combining-marks-name.csv", mentions: "(Unicode scalars) long"), { url in
            let name = "a" + String(repeating: "\u{0308}", count: 1_000_000)
            try Data("id,name,sector,status\np1,\(name),energy,agreed\n".utf8).write(to: url)
        }),
        (Case(name: "combining-marks-source.json", mentions: "(Unicode scalars) long"), { url in
            let text = "x" + String(repeating: "\u{20DD}", count: 500_000)
            try Data("{\"dataset\": {\"sources\": [\"\(text)\"]}}".utf8).write(to: url)
        }),
        (Case(name: "deep-alias-bomb-after-backslash.yaml", mentions: "anchors"), { url in
            var text = "dataset:\n  sources: [\"C:\\\\\"]\nl0: &l0 [\"" + String(repeating: "x", count: 1000) + "\"]\n"
            for level in 1..<40 { text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ",") + "]\n" }
            try Data(text.utf8).write(to: url)
        }),
        (Case(name: "alias-keys-bomb.yaml", mentions: "anchors"), { url in
            var text = "a0: &a0 {k: v}\n"
            for level in 1..<30 { text += "a\(level): &a\(level) {? *a\(level - 1) : 1, ? [*a\(level - 1)] : 2}\n" }
            try Data(text.utf8).write(to: url)
        }),
        (Case(name: "control-byte-late.csv", mentions:  ":3:5: error: the control character U+001B"), { url in
            try Data("id,name,sector,status\np1,Solar,energy,agreed\np2,x\u{1B}[2J,energy,agreed\n".utf8).write(to: url)
        }),
        (Case(name: "control-byte-in-comment.yaml", mentions: ":2:10: error: the control character U+0007"), { url in
            try Data("projects: []\n# a bell \u{07} in a comment\n".utf8).write(to: url)
        }),
        (Case(name: "json-deep-surrogates.json", mentions: "nested more than 64"), { url in
            try Data((String(repeating: "[\"\\ud83d\\ude00\",", count: 100) + String(repeating: "]", count: 100)).utf8).write(to: url)
        }),
        (Case(name: "million-surrogate-pairs.json", mentions: "projects[0].sector: unknown sector code"), { url in
            let name = String(repeating: "\\ud83d\\ude00", count: 5000)
            try Data("{\"projects\": [{\"id\": \"p1\", \"name\": {\"en\": \"\(name)\"}, \"sector\": \"nope\", \"status\": \"agreed\"}]}".utf8).write(to: url)
        }),
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
            // A hang guard, not a timing: the process is killed only if it is plainly stuck.
            let result = try CLIRunner.run(arguments, timeout: 180)
            let label = "\(testCase.name) / \(command): exit \(result.status), \(String(format: "%.2f", result.seconds)) s, stderr: \(result.stderr.prefix(400))"
            #expect(!result.signaled, "killed by a signal (a crash, or hung past the guard) — \(label)")
            #expect(result.status == testCase.exit, "\(label)")
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump") && !result.stderr.contains("Current stack trace"),
                    "crash text — \(label)")
            let firstLine = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
            // An echoed value cannot start a line of its own (the fixtures' forged lines).
            for line in result.stderr.split(separator: "\n") {
                #expect(!line.hasPrefix("/tmp/x.yaml") && !line.hasPrefix("error: forged"), "forged line — \(label): \(line.prefix(200))")
            }
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

    /// Issue #9 started the corpus at 80 cases; issue #17 added at least 60.
    @Test func theCorpusHasAtLeastOneHundredFortyCases() {
        #expect(Self.fixtureCases.count + Self.generated.count >= 140)
    }

    /// What Python's `json.dumps` writes for a character outside the BMP is read as that
    /// character, and the columns after it on the line stay right.
    @Test func aJSONSurrogatePairIsOneCharacter() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("emoji.json")
        try Data(#"{"projects": [{"id": "p1", "name": {"en": "Sun \ud83c\udf1e and \ud83d\ude00"}, "sector": "energy", "status": "agreed", "value": {"amount": 5, "currency": "USD"}}]}"#.utf8).write(to: file)
        let result = try CLIRunner.run(["report", "portfolio", "--data", file.path, "--format", "csv", "--csv-dialect", "data", "--table", "projects"], timeout: 120)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Sun \u{1F31E} and \u{1F600}"), "\(result.stdout.prefix(600))")
    }

    /// A data file whose name is not UTF-8, found in a folder, is named as such (exit 66), and
    /// such a name given as an argument is refused before it is turned into another name (64).
    @Test func aFileNameThatIsNotUTF8IsNamedAsTheProblem() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = (Array(folder.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".yaml".utf8) + [0]).map { CChar(bitPattern: $0) }
        let descriptor = creat(name, 0o644)
        try #require(descriptor >= 0)
        let text = Array("projects:\n  - {id: p1, name: {en: x}, sector: energy, status: agreed}\n".utf8)
        _ = write(descriptor, text, text.count)
        close(descriptor)
        let listed = try CLIRunner.run(["validate", "--data", folder.path], timeout: 60)
        #expect(listed.status == 66 && listed.stderr.contains("not valid UTF-8"), "\(listed.stderr)")
        let output = folder.appendingPathComponent("out").path + "-\u{FFFD}.txt"
        // Foundation cannot pass invalid UTF-8 as an argument, so a shell does it.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\"$0\" report portfolio --output \"$(printf '\(folder.path)/o\\377.txt')\"; echo \"exit $?\" >&2", CLIRunner.binary.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr.contains("is not valid UTF-8") && stderr.contains("exit 64"), "\(stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(written.count == 1 && !FileManager.default.fileExists(atPath: output), "\(written)")
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
