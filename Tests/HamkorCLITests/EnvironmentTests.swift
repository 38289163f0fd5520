import Foundation
import Testing

/// Issue #17, class 2: every environment variable Hamkor reads is validated with a clear error
/// (exit 64) before anything is read or written; none can crash a command.
@Suite struct EnvironmentTests {
    static let badEpochs = ["1e17", "inf", "nan", "1e300", "-1", "0", "1.5", " 5", "0x10", "253402300800",
                            "99999999999999999999999", "١٢٣", "5\n6"]

    @Test(arguments: badEpochs)
    func anInvalidSourceDateEpochIsRefusedByEveryCommand(_ value: String) throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let commands: [[String]] = [
            ["report", "portfolio", "--output", folder.appendingPathComponent("p.xlsx").path],
            ["report", "briefing", "--format", "txt"],
            ["batch", "Reports/jobs.yaml", "--out", folder.appendingPathComponent("out").path],
            ["validate"],
        ]
        for arguments in commands {
            let result = try CLIRunner.run(arguments, environment: ["SOURCE_DATE_EPOCH": value], timeout: 300)
            #expect(!result.signaled && result.status == 64, "\(arguments[0]) \(value): \(result.status) \(result.stderr.prefix(300))")
            #expect(result.stderr.hasPrefix("hamkor: error: SOURCE_DATE_EPOCH='") && result.stderr.contains("is not valid: expected whole seconds since 1970-01-01 UTC, 1 to 253402300799"),
                    "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// The last second every format can write still works, and the workbook says so.
    @Test func theLatestAcceptedEpochWritesEveryFormat() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["xlsx", "csv", "txt"] {
            let output = folder.appendingPathComponent("p.\(format)").path
            let result = try CLIRunner.run(["report", "portfolio", "--table", "projects", "--output", output].filter { format == "csv" || $0 != "--table" && $0 != "projects" },
                                           environment: ["SOURCE_DATE_EPOCH": "253402300799"], timeout: 300)
            #expect(result.status == 0, "\(format): \(result.stderr)")
        }
        let text = try String(contentsOfFile: folder.appendingPathComponent("p.txt").path, encoding: .utf8)
        #expect(text.contains("9999"), "\(text.prefix(400))")
    }

    @Test(arguments: [
        ("HAMKOR_TIMINGS", "yes", "expected 1 to print phase timings"),
        ("HAMKOR_RESOURCES", "/tmp/a\nb", "HAMKOR_RESOURCES='/tmp/a\\nb' is not valid: expected a folder holding Localization/ and Reports/, as UTF-8 text without control characters"),
        ("HAMKOR_RESOURCES", "/nonexistent/hamkor", "HAMKOR_RESOURCES=/nonexistent/hamkor (no Localization/ and Reports/ inside)"),
    ])
    func otherVariablesAreValidatedToo(_ name: String, _ value: String, _ message: String) throws {
        let result = try CLIRunner.run(["list", "reports"], environment: [name: value], timeout: 120)
        #expect(!result.signaled && (result.status == 64 || result.status == 66) && result.stderr.contains(message), "\(result.status) \(result.stderr)")
    }

    /// `--shard auto` reads the array job's variables: each malformed value is a one-line usage
    /// error naming the variable, never a crash and never a silent fallback, before any output.
    @Test(arguments: [
        (["JOB_COMPLETION_INDEX": "1e17", "HAMKOR_SHARDS": "4"], "JOB_COMPLETION_INDEX='1e17' is not a whole number of at least 0"),
        (["JOB_COMPLETION_INDEX": "inf", "HAMKOR_SHARDS": "4"], "JOB_COMPLETION_INDEX='inf'"),
        (["JOB_COMPLETION_INDEX": "99999999999999999999999", "HAMKOR_SHARDS": "4"], "JOB_COMPLETION_INDEX='99999999999999999999999'"),
        (["JOB_COMPLETION_INDEX": "١", "HAMKOR_SHARDS": "4"], "JOB_COMPLETION_INDEX='١'"),
        (["JOB_COMPLETION_INDEX": "1\nhamkor: error: forged", "HAMKOR_SHARDS": "4"], "JOB_COMPLETION_INDEX='1\\nhamkor: error: forged'"),
        (["JOB_COMPLETION_INDEX": "1", "HAMKOR_SHARDS": "nan"], "HAMKOR_SHARDS='nan' is not a whole number of at least 1"),
        (["JOB_COMPLETION_INDEX": "1", "HAMKOR_SHARDS": "-4"], "HAMKOR_SHARDS='-4'"),
        (["JOB_COMPLETION_INDEX": "1", "HAMKOR_SHARDS": String(repeating: "9", count: 100)], "HAMKOR_SHARDS='" + String(repeating: "9", count: 40) + "…'"),
        (["JOB_COMPLETION_INDEX": "1", "HAMKOR_SHARDS": "100001"], "is more than 100000 workers"),
        (["JOB_COMPLETION_INDEX": "4", "HAMKOR_SHARDS": "4"], "JOB_COMPLETION_INDEX=4 gives worker 4, but HAMKOR_SHARDS=4 allows only 0 to 3"),
        (["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "1e3"], "SLURM_ARRAY_TASK_COUNT='1e3'"),
        (["AWS_BATCH_JOB_ARRAY_INDEX": "0", "AWS_BATCH_JOB_ARRAY_SIZE": "0"], "AWS_BATCH_JOB_ARRAY_SIZE='0' is not a whole number of at least 1"),
    ])
    func malformedShardVariablesAreUsageErrors(_ environment: [String: String], _ message: String) throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let result = try CLIRunner.run(["batch", "Reports/jobs.yaml", "--out", out.path, "--shard", "auto"], environment: environment, timeout: 120)
        #expect(!result.signaled && result.status == 64, "\(result.status) \(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
