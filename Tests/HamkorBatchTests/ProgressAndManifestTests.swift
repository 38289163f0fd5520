import Foundation
import HamkorCore
import HamkorExport
import HamkorLocalization
import Logging
import Testing
@testable import HamkorBatch

/// Keeps every log message, for assertions.
struct CapturingLogHandler: LogHandler {
    let lines: Locked<[String]>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lines.withLock { $0.append("\(event.level) \(event.message)") }
    }
}

struct OddFailure: Error, CustomStringConvertible {
    var description: String { "bad \"quote\"\nand a\ttab \\ slash" }
}

@Suite struct ProgressAndManifestTests {
    @Test func logReporterWritesALinePerUnit() throws {
        let root = temporaryFolder()
        defer { cleanUp(root) }
        let lines = Locked<[String]>([])
        let logger = Logger(label: "test") { _ in CapturingLogHandler(lines: lines) }
        let units = [
            BatchUnit(index: 0, job: "j", report: "portfolio", language: .english, format: "txt", path: "a.txt"),
            BatchUnit(index: 1, job: "j", report: "portfolio", language: .russian, format: "txt", path: "b.txt"),
        ]
        let summary = try BatchRunner(root: root, workers: 1, progress: LogProgressReporter(logger: logger))
            .run(BatchPlan(units: units)) { unit, destination in
                if unit.language == .russian { throw OddFailure() }
                try AtomicFileWriter.write(Data("x".utf8), to: destination)
                return [destination]
            }
        #expect(summary.exitCode == 1)
        let logged = lines.current
        #expect(logged.first == "info batch started: 2 units")
        #expect(logged.contains { $0.hasPrefix("info [1/2] ok j portfolio en txt -> a.txt (") })
        // The error's line feed and tab are escaped: one unit's failure is one log line.
        #expect(logged.contains("error [2/2] failed j portfolio ru txt: bad \"quote\"\\nand a\\ttab \\ slash"))
        #expect(logged.last?.hasPrefix("warning batch finished: 1 ok, 1 failed; manifest ") == true)

        // Awkward characters in messages survive as valid JSON.
        let data = try Data(contentsOf: summary.manifest)
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entries = try #require(manifest["units"] as? [[String: Any]])
        #expect(entries[1]["error"] as? String == "bad \"quote\"\nand a\ttab \\ slash")
        #expect(entries[0]["bytes"] as? Int == 1)
        #expect(entries[0]["sha256"] as? String == "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881")
    }

    @Test func anEmptyPlanStillWritesAManifest() throws {
        let root = temporaryFolder()
        defer { cleanUp(root) }
        let summary = try BatchRunner(root: root).run(BatchPlan(units: [])) { _, _ in [] }
        #expect(summary.exitCode == 0)
        let text = try String(contentsOf: summary.manifest, encoding: .utf8)
        #expect(text.hasSuffix("\"shard\": \"1/1\", \"totalUnits\": 0, \"hamkor\": \"\(HamkorVersion.current)\",\n \"units\": []}\n"))
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }

    @Test func aUnitThatWritesOutsideTheRootFails() throws {
        let root = temporaryFolder()
        defer { cleanUp(root) }
        let outside = temporaryFolder()
        defer { cleanUp(outside) }
        let unit = BatchUnit(index: 0, job: "j", report: "portfolio", language: .english, format: "txt", path: "a.txt")
        let summary = try BatchRunner(root: root).run(BatchPlan(units: [unit])) { _, _ in
            let elsewhere = outside.appendingPathComponent("x.txt")
            try AtomicFileWriter.write(Data("x".utf8), to: elsewhere)
            return [elsewhere]
        }
        #expect(summary.results[0].error?.hasSuffix("which is outside the output root") == true)
    }
}
