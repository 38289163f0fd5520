import Foundation
import HamkorLocalization
import Testing
@testable import HamkorBatch

@Suite struct BatchPlanTests {
    let now = date("2026-11-26 07:00", "Asia/Tashkent")

    func jobFile(output: String = "{date}/{report}/{report}.{lang}.{format}") throws -> JobFile {
        try parseJobs("""
            output: "\(output)"
            jobs:
              - name: weekly
                reports: [portfolio, briefing]
                languages: [en, ru]
                formats: [csv, txt]
                timezone: Asia/Tashkent
              - name: nightly
                report: agreements
                languages: [uz]
                formats: [xlsx]
                timezone: America/New_York
            """)
    }

    @Test func expandsInFileOrderWithPathsInEachJobsZone() throws {
        let plan = try BatchPlan(jobFile: try jobFile(output: "{date}/{job}/{report}.{lang}.{format}"), now: now)
        #expect(plan.totalUnits == 9)
        #expect(plan.units.map(\.index) == Array(0..<9))
        #expect(plan.units.map(\.path) == [
            "2026-11-26/weekly/portfolio.en.csv", "2026-11-26/weekly/portfolio.en.txt",
            "2026-11-26/weekly/portfolio.ru.csv", "2026-11-26/weekly/portfolio.ru.txt",
            "2026-11-26/weekly/briefing.en.csv", "2026-11-26/weekly/briefing.en.txt",
            "2026-11-26/weekly/briefing.ru.csv", "2026-11-26/weekly/briefing.ru.txt",
            // 07:00 in Tashkent is 21:00 the day before in New York.
            "2026-11-25/nightly/agreements.uz.xlsx",
        ])
        #expect(plan.manifestTimeZone.identifier == "Asia/Tashkent")
        #expect(try BatchPlan(jobFile: try jobFile(output: "{date}/{job}/{report}.{lang}.{format}"), now: now).units == plan.units)
    }

    @Test func datetimePlaceholderIsFileNameSafe() throws {
        let plan = try BatchPlan(jobFile: try jobFile(output: "{job}/{datetime}/{report}.{lang}.{format}"), now: now)
        #expect(plan.units.first?.path == "weekly/2026-11-26T0700/portfolio.en.csv")
    }

    @Test func shardsAreDisjointAndCoverEveryUnit() throws {
        let file = try jobFile(output: "{job}/{report}.{lang}.{format}")
        let all = try BatchPlan(jobFile: file, now: now).units
        var seen: [Int] = []
        for index in 1...3 {
            let shard = try Shard(parsing: "\(index)/3")
            let units = try BatchPlan(jobFile: file, shard: shard, now: now).units
            #expect(!units.isEmpty)
            seen += units.map(\.index)
        }
        #expect(seen.count == all.count)
        #expect(Set(seen) == Set(all.map(\.index)))
    }

    @Test(arguments: ["0/3", "4/3", "1/0", "a/b", "1", "1/2/3", "-1/3", ""])
    func badShardsAreUsageErrors(text: String) {
        #expect(throws: BatchError.invalidShard(text)) { try Shard(parsing: text) }
        #expect(BatchError.invalidShard(text).exitCode == 64)
    }

    @Test(arguments: ["../x/{report}.{lang}.{format}", "/abs/{report}.{lang}.{format}", "a/../../{report}.{lang}.{format}", "{job}/"])
    func templatesThatLeaveTheRootAreRefused(template: String) throws {
        let file = try jobFile(output: template)
        #expect {
            _ = try BatchPlan(jobFile: file, now: now)
        } throws: { error in
            guard let error = error as? BatchError, case .outsideRoot = error else { return false }
            return error.exitCode == 73
        }
    }

    @Test(arguments: [("manifest.{format}", "json", "manifest.json"), ("manifest.shard-1-of-{format}.json", "2", "manifest.shard-1-of-2.json"),
                      (".hamkor.units.{format}", "lock", ".hamkor.units.lock"), ("hamkor-runs.{format}", "jsonl", "hamkor-runs.jsonl")])
    func outputsCannotTakeHamkorsOwnFileNames(template: String, format: String, taken: String) throws {
        let file = try parseJobs("""
            output: "\(template)"
            jobs:
              - {name: one, report: portfolio, formats: [\(format)]}
            """, knownFormats: [format])
        #expect {
            _ = try BatchPlan(jobFile: file, now: now)
        } throws: { error in
            guard let error = error as? BatchError, case .reservedPath = error else { return false }
            return error.exitCode == 65 && error.description.contains("would write '\(taken)', but")
        }
    }

    @Test func collidingPathsAreRefused() throws {
        let file = try jobFile(output: "{report}.{format}")
        #expect {
            _ = try BatchPlan(jobFile: file, now: now)
        } throws: { error in
            "\(error)" == "portfolio.csv: error: units 'weekly portfolio en csv' and 'weekly portfolio ru csv' would write the same file; add {job}, {lang} or {format} to the output template"
        }
    }

    @Test func dryRunListsUnitsAndTheManifest() throws {
        let plan = try BatchPlan(jobFile: try jobFile(output: "{job}/{report}.{lang}.{format}"), shard: try Shard(parsing: "2/4"), now: now)
        #expect(plan.dryRunLines(root: "out") == [
            "weekly\tportfolio\ten\tcsv\tout/weekly/portfolio.en.csv",
            "weekly\tbriefing\tru\tcsv\tout/weekly/briefing.ru.csv",
            "2 units would be written (shard 2/4 of 9 units), then out/manifest.shard-2-of-4.json",
        ])
    }

    @Test func symlinkOutsideTheRootIsRefused() throws {
        let base = temporaryFolder()
        defer { cleanUp(base) }
        let root = base.appendingPathComponent("out"), outside = base.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("link"), withDestinationURL: outside)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("inside"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("alias"), withDestinationURL: root.appendingPathComponent("inside"))
        let outputRoot = try OutputRoot(root)
        #expect {
            _ = try outputRoot.prepareDestination(for: "link/deeper/file.txt")
        } throws: { error in
            guard let error = error as? BatchError, case .outsideRoot = error else { return false }
            return error.exitCode == 73
        }
        #expect(!FileManager.default.fileExists(atPath: outside.appendingPathComponent("deeper").path))
        // A link that stays inside the root is fine.
        let fine = try outputRoot.prepareDestination(for: "alias/sub/file.txt")
        #expect(fine.path.hasSuffix("out/alias/sub/file.txt"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("inside/sub").path))

        // Through the runner: refused before any unit runs.
        let plan = BatchPlan(units: [BatchUnit(index: 0, job: "j", report: "portfolio", language: .english, format: "txt", path: "link/x.txt")])
        let ran = Locked(false)
        #expect(throws: BatchError.self) {
            _ = try BatchRunner(root: root, workers: 1).run(plan) { _, _ in ran.withLock { $0 = true }; return [] }
        }
        #expect(ran.current == false)
    }
}
