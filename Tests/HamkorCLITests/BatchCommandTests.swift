import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `hamkor batch` end to end: the full sample set, the manifest, failures, shards, locks, the root.
@Suite(.serialized) struct BatchCommandTests {
    struct Manifest: Decodable {
        struct Unit: Decodable {
            var job: String, report: String, language: String, format: String
            var path: String, bytes: Int?, sha256: String?, status: String, error: String?
        }
        var shard: String
        var units: [Unit]
    }

    func manifest(_ folder: URL) throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
    }

    func sha256(_ url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(output.prefix(64))
    }

    @Test func theFullSampleSetWithAManifestThatMatchesTheFiles() throws {
        let out = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run(["batch", "Reports/jobs.yaml", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try manifest(out)
        // sample-set: 5 reports × 6 languages × 3 formats; quarterly: 2 reports × 6 languages × 2 formats.
        #expect(manifest.units.count == 5 * 6 * 3 + 2 * 6 * 2)
        #expect(manifest.shard == "1/1")
        for unit in manifest.units {
            #expect(unit.status == "ok")
            let url = out.appendingPathComponent(unit.path)
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            #expect((attributes[.size] as? Int) == unit.bytes)
            #expect(try sha256(url) == unit.sha256)
        }
        for report in ["portfolio", "agreements", "twin-cities", "briefing", "trade"] {
            for language in ["en", "uz", "uz-Cyrl", "az", "ru", "tr"] {
                #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("\(report)/\(report).\(language).xlsx").path))
                #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("\(report)/\(report).\(language).txt").path))
            }
        }
        let leftovers = FileManager.default.enumerator(atPath: out.path)!.compactMap { $0 as? String }.filter { $0.contains(".hamkor-tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func pdfIsAFormatLikeTheOthersInJobsAndManifests() throws {
        let out = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run(["batch", CLIRunner.fixture("pdf-job.yaml"), "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try manifest(out)
        #expect(manifest.units.map(\.format).sorted() == ["pdf", "pdf", "txt", "txt"])
        for unit in manifest.units {
            #expect(unit.status == "ok")
            let url = out.appendingPathComponent(unit.path)
            #expect(try sha256(url) == unit.sha256)
            if unit.format == "pdf" { #expect(try Data(contentsOf: url).starts(with: Array("%PDF-".utf8))) }
        }
    }

    @Test func aBrokenReportFailsItsUnitsAndTheRestAreWritten() throws {
        // A copy of the resources with one broken definition added.
        let resources = CLIRunner.temporaryFolder()
        let out = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: resources); try? FileManager.default.removeItem(at: out) }
        for name in ["Localization", "Reports"] {
            try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent(name), to: resources.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(atPath: CLIRunner.fixture("broken.yaml"), toPath: resources.appendingPathComponent("Reports/definitions/broken.yaml").path)
        let result = try CLIRunner.run(["batch", CLIRunner.fixture("with-broken-report.yaml"), "--out", out.path, "--resources", resources.path])
        #expect(result.status == 1)
        let manifest = try manifest(out)
        #expect(manifest.units.count == 8)
        let failed = manifest.units.filter { $0.status == "failed" }
        #expect(failed.count == 4)
        #expect(failed.allSatisfy { $0.report == "broken" && ($0.error ?? "").contains("'budget' is not a field of projects") })
        for unit in manifest.units where unit.status == "ok" {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(unit.path).path))
        }
        #expect(result.stderr.contains("broken"))
    }

    @Test func threeShardsMakeExactlyTheUnshardedSet() throws {
        let whole = try CLIRunner.run(["batch", "Reports/jobs.yaml", "--out", "x", "--dry-run"])
        #expect(whole.status == 0)
        let all = Set(whole.stdout.split(separator: "\n").filter { $0.contains("\t") }.map(String.init))
        var union: [String] = []
        for index in 1...3 {
            let shard = try CLIRunner.run(["batch", "Reports/jobs.yaml", "--out", "x", "--dry-run", "--shard", "\(index)/3"])
            #expect(shard.status == 0)
            union += shard.stdout.split(separator: "\n").filter { $0.contains("\t") }.map(String.init)
        }
        #expect(union.count == all.count)  // no overlap
        #expect(Set(union) == all)           // full cover
        #expect(all.count == 114)  // sample-set: 5 reports × 6 languages × 3 formats; quarterly: 2 × 6 × 2
        let bad = try CLIRunner.run(["batch", "Reports/jobs.yaml", "--shard", "4/3", "--dry-run"])
        #expect(bad.status == 64)
    }

    @Test func aSecondRunOnTheSameFolderExits75() throws {
        let out = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let descriptor = open(out.appendingPathComponent(".hamkor.lock").path, O_RDWR | O_CREAT, 0o644)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let result = try CLIRunner.run(["batch", "Reports/jobs.yaml", "--out", out.path])
        #expect(result.status == 75)
        #expect(result.stderr.contains("another run holds the lock"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path))
    }

    @Test func templatesThatLeaveTheRootAreRefused() throws {
        let out = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run(["batch", CLIRunner.fixture("escape-root.yaml"), "--out", out.path])
        #expect(result.status == 73)
        #expect(!FileManager.default.fileExists(atPath: out.deletingLastPathComponent().appendingPathComponent("portfolio.en.txt").path))
    }
}
