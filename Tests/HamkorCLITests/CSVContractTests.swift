import Foundation
import Testing

/// Issue #17, class 7: every CSV Hamkor writes is a rectangle an independent RFC 4180 reader
/// (Python's csv, strict) reads to the end: notes are records of the table's width, and there
/// is no empty record.
@Suite struct CSVContractTests {
    func check(_ files: [String]) throws -> CLIRunner.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CLIRunner.repositoryRoot.appendingPathComponent("scripts/check-csv.py").path] + files
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return CLIRunner.Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    @Test func everyBundledCSVOutputIsARectangleInBothDialects() throws {
        let out = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let batch = try CLIRunner.run(["batch", "Reports/jobs.yaml", "--out", out.path, "--quiet"], timeout: 600)
        #expect(batch.status == 0, "\(batch.stderr)")
        for report in ["portfolio", "agreements", "twin-cities", "briefing"] {
            for language in ["en", "ru"] {
                let data = try CLIRunner.run(["report", report, "--lang", language, "--csv-dialect", "data",
                                              "--output", out.appendingPathComponent("data/\(report).\(language).csv").path], timeout: 120)
                #expect(data.status == 0, "\(data.stderr)")
            }
        }
        let files = ((FileManager.default.enumerator(atPath: out.path)?.allObjects as? [String]) ?? [])
            .filter { $0.hasSuffix(".csv") }.map { out.appendingPathComponent($0).path }
        #expect(files.count > 40)
        let result = try check(files)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("0 problems"), "\(result.stderr)")
    }

    /// The checker itself finds the old shape (an empty record, then one-field notes).
    @Test func theCheckerRefusesNotesThatBreakTheRectangle() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("old.csv")
        try Data("a,b\r\n1,2\r\n\r\nA note.\r\n".utf8).write(to: file)
        let result = try check([file.path])
        #expect(result.status == 1 && result.stdout.contains("record 3 has 0 fields, the header has 2"), "\(result.stdout)")
    }
}
