import Foundation
import HamkorCore
import HamkorExport
import HamkorLocalization
import Testing
@testable import HamkorBatch

/// `--resume` from a manifest, shard manifests merged into one, and outputs verified against it.
@Suite struct ResumeAndMergeTests {
    let now = date("2026-11-26 07:00", "Asia/Tashkent")

    /// A resource folder with a vocabulary, a Russian catalog, two definitions and sample data;
    /// each run gets a new digester over it (a digester reads each file once).
    struct Resources {
        let root: URL
        let definitions: [String: URL]

        var digester: UnitInputDigester {
            UnitInputDigester(resources: ResourceLocator(root: root), definitionFiles: definitions, expandData: { paths in
                try paths.flatMap { path in
                    try FileManager.default.contentsOfDirectory(atPath: path.path).sorted().map { path.appendingPathComponent($0) }
                }
            })
        }

        init(in folder: URL) throws {
            root = folder.appendingPathComponent("resources")
            let reports = root.appendingPathComponent("Reports")
            try FileManager.default.createDirectory(at: reports.appendingPathComponent("definitions"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: reports.appendingPathComponent("sample-data"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("Localization"), withIntermediateDirectories: true)
            try Data("sectors: []\n".utf8).write(to: reports.appendingPathComponent("vocabulary.yaml"))
            try Data("msgid \"\"\nmsgstr \"\"\n".utf8).write(to: root.appendingPathComponent("Localization/ru.po"))
            try Data("projects: []\n".utf8).write(to: reports.appendingPathComponent("sample-data/projects.yaml"))
            var definitions: [String: URL] = [:]
            for id in ["portfolio", "briefing"] {
                let url = reports.appendingPathComponent("definitions/\(id).yaml")
                try Data("id: \(id)\n".utf8).write(to: url)
                definitions[id] = url
            }
            self.definitions = definitions
        }
    }

    func plan(shard: Shard = .all) throws -> BatchPlan {
        try BatchPlan(jobFile: try parseJobs(BatchRunnerTests.jobText), shard: shard, now: now)
    }

    /// Writes the unit's name; counts calls; fails the units named in `failing`.
    final class CountingAction: @unchecked Sendable {
        let calls = Locked([String]())
        let failing: Set<String>
        init(failing: Set<String> = []) { self.failing = failing }

        var action: BatchRunner.UnitAction {
            { [self] unit, destination in
                calls.withLock { $0.append(unit.description) }
                if failing.contains(unit.description) { throw UnitFailure() }
                try AtomicFileWriter.write(Data("\(unit)\n".utf8), to: destination)
                return [destination]
            }
        }
    }

    func inodes(_ root: URL) throws -> [String: UInt64] {
        var found: [String: UInt64] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: root.path)! where path.hasSuffix(".csv") || path.hasSuffix(".txt") {
            found[path] = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)[.systemFileNumber] as? UInt64
        }
        return found
    }

    func runner(_ root: URL, _ resources: Resources, resume: Bool) -> BatchRunner {
        var runner = BatchRunner(root: root, workers: 2)
        runner.inputs = resources.digester
        runner.resume = resume
        return runner
    }

    @Test func resumeRerunsOnlyFailedUnitsAndUnitsWhoseInputsChanged() throws {
        let folder = temporaryFolder()
        defer { cleanUp(folder) }
        let resources = try Resources(in: folder)
        let root = folder.appendingPathComponent("out")

        let first = CountingAction(failing: ["weekly briefing ru txt"])
        let summary = try runner(root, resources, resume: false).run(try plan(), first.action)
        #expect(summary.failedCount == 1)
        #expect(first.calls.current.count == 8)
        let before = try inodes(root)
        #expect(before.count == 7)

        // The retry renders only the failed unit and replaces no file.
        let retry = CountingAction()
        let resumed = try runner(root, resources, resume: true).run(try plan(), retry.action)
        #expect(retry.calls.current == ["weekly briefing ru txt"])
        #expect(resumed.failedCount == 0)
        #expect(resumed.reusedCount == 7)
        let after = try inodes(root)
        for (path, inode) in before { #expect(after[path] == inode, "\(path) was rewritten") }
        let manifest = try Manifest.read(root.appendingPathComponent("manifest.json"))
        #expect(manifest.units.filter { $0.reused == true }.count == 7)
        #expect(manifest.units.allSatisfy { $0.inputs?.hamkor == HamkorVersion.current })
        #expect(manifest.units.filter { $0.language == "en" }.allSatisfy { $0.inputs?.catalog == nil })

        // A changed Russian catalog reruns exactly the Russian units.
        try Data("msgid \"\"\nmsgstr \"\"\n# reviewed\n".utf8).write(to: resources.root.appendingPathComponent("Localization/ru.po"))
        let third = CountingAction()
        _ = try runner(root, resources, resume: true).run(try plan(), third.action)
        #expect(third.calls.current.sorted() == ["weekly briefing ru csv", "weekly briefing ru txt", "weekly portfolio ru csv", "weekly portfolio ru txt"])
        let afterCatalog = try inodes(root)
        for (path, inode) in before where path.contains(".en.") { #expect(afterCatalog[path] == inode) }

        // A changed output file is rendered again; so is everything after a definition changes.
        try Data("edited by hand\n".utf8).write(to: root.appendingPathComponent("2026-11-26/portfolio/portfolio.en.txt"))
        try Data("id: briefing\ntitle: New\n".utf8).write(to: resources.root.appendingPathComponent("Reports/definitions/briefing.yaml"))
        let fourth = CountingAction()
        _ = try runner(root, resources, resume: true).run(try plan(), fourth.action)
        #expect(fourth.calls.current.sorted() == ["weekly briefing en csv", "weekly briefing en txt", "weekly briefing ru csv",
                                                  "weekly briefing ru txt", "weekly portfolio en txt"])
    }

    @Test func resumeAfterAStopRunsTheUnitsThatDidNotRun() throws {
        let folder = temporaryFolder()
        defer { cleanUp(folder) }
        let resources = try Resources(in: folder)
        let root = folder.appendingPathComponent("out")
        let stop = StopToken()
        var first = runner(root, resources, resume: false)
        first.workers = 1
        first.stop = stop
        let done = Locked(0)
        let summary = try first.run(try plan()) { unit, destination in
            try AtomicFileWriter.write(Data("\(unit)\n".utf8), to: destination)
            if done.withLock({ $0 += 1; return $0 }) == 3 { stop.requestStop(reason: "SIGTERM") }
            return [destination]
        }
        #expect(summary.stopped)
        #expect(summary.failedCount == 5)
        let retry = CountingAction()
        let resumed = try runner(root, resources, resume: true).run(try plan(), retry.action)
        #expect(retry.calls.current.count == 5)
        #expect(resumed.reusedCount == 3)
        #expect(resumed.exitCode == 0)
    }

    @Test func anUnreadableManifestRefusesToResume() throws {
        let root = temporaryFolder()
        defer { cleanUp(root) }
        try Data("{not json".utf8).write(to: root.appendingPathComponent("manifest.json"))
        var runner = BatchRunner(root: root)
        runner.resume = true
        let plan = try plan()
        do {
            _ = try runner.run(plan, CountingAction().action)
            Issue.record("resumed from a broken manifest")
        } catch {
            #expect(error.exitCode == 65)
            #expect(error.description.contains("manifest.json: error: not a Hamkor manifest"))
        }
    }

    /// Runs the three shards of the plan into `root`, and the whole batch into `whole`.
    func shardsAndWhole(_ root: URL, _ whole: URL, resources: Resources) throws {
        for index in 1...3 {
            _ = try runner(root, resources, resume: false).run(try plan(shard: try Shard(index: index, count: 3)), CountingAction().action)
        }
        _ = try runner(whole, resources, resume: false).run(try plan(), CountingAction().action)
    }

    @Test func mergedShardsEqualTheWholeBatchAndVerify() throws {
        let folder = temporaryFolder()
        defer { cleanUp(folder) }
        let resources = try Resources(in: folder)
        let root = folder.appendingPathComponent("out"), whole = folder.appendingPathComponent("whole")
        try shardsAndWhole(root, whole, resources: resources)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("manifest.json").path))

        let outcome = try ManifestMerge.merge(folder: root)
        #expect(outcome.failedCount == 0)
        #expect(outcome.manifest.mergedFrom == ["manifest.shard-1-of-3.json", "manifest.shard-2-of-3.json", "manifest.shard-3-of-3.json"])
        let merged = try Manifest.read(root.appendingPathComponent("manifest.json"))
        let single = try Manifest.read(whole.appendingPathComponent("manifest.json"))
        #expect(merged.units.map(\.index) == Array(0..<8).map { Optional($0) })
        #expect(merged.units.map(\.key) == single.units.map(\.key))
        #expect(merged.units.map(\.path) == single.units.map(\.path))
        #expect(merged.units.map(\.sha256) == single.units.map(\.sha256))
        #expect(merged.units.map(\.inputs) == single.units.map(\.inputs))
        #expect(merged.shard == "1/1" && merged.totalUnits == 8 && merged.jobFileSha256 == single.jobFileSha256)

        let verified = try ManifestVerify.verify(root)
        #expect(verified.files == 8)
        // One shard's manifest verifies on its own too.
        #expect(try ManifestVerify.verify(root.appendingPathComponent("manifest.shard-2-of-3.json")).units >= 2)

        try Data("tampered\n".utf8).write(to: root.appendingPathComponent("2026-11-26/briefing/briefing.en.txt"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("2026-11-26/portfolio/portfolio.ru.csv"))
        do {
            _ = try ManifestVerify.verify(root)
            Issue.record("verify passed over a changed and a missing file")
        } catch {
            #expect(error.exitCode == 1)
            let lines = error.description.split(separator: "\n").map(String.init)
            #expect(lines.count == 2)
            #expect(lines[0].hasSuffix("portfolio/portfolio.ru.csv: error: missing (the manifest lists 24 bytes)"))
            #expect(lines[1].contains("briefing/briefing.en.txt: error: changed since the manifest was written: 9 bytes"))
        }
    }

    @Test func mergeNamesTheMissingStaleOrDuplicateShard() throws {
        let folder = temporaryFolder()
        defer { cleanUp(folder) }
        let resources = try Resources(in: folder)
        let root = folder.appendingPathComponent("out"), whole = folder.appendingPathComponent("whole")
        try shardsAndWhole(root, whole, resources: resources)
        func mergeError() -> ManifestError? {
            do { _ = try ManifestMerge.merge(folder: root); return nil } catch { return error as? ManifestError }
        }
        let second = root.appendingPathComponent("manifest.shard-2-of-3.json")
        let saved = try Data(contentsOf: second)

        try FileManager.default.removeItem(at: second)
        #expect(mergeError() == .missingShards(folder: root.path, names: ["manifest.shard-2-of-3.json"]))
        #expect(mergeError()?.exitCode == 66)

        // The second shard's manifest claims a unit of the first.
        let firstText = try String(contentsOf: root.appendingPathComponent("manifest.shard-1-of-3.json"), encoding: .utf8)
        let stolen = firstText.split(separator: "\n")[2].trimmingCharacters(in: CharacterSet(charactersIn: ", "))
        var text = String(decoding: saved, as: UTF8.self)
        text = text.replacingOccurrences(of: "\"units\": [\n", with: "\"units\": [\n  \(stolen),\n")
        try Data(text.utf8).write(to: second)
        guard case .duplicateUnit(_, let first, let other) = mergeError() else { Issue.record("no duplicate reported"); return }
        #expect(first.hasSuffix("manifest.shard-1-of-3.json") && other == second.path)

        // A shard from another run of a different job file.
        text = String(decoding: saved, as: UTF8.self).replacingOccurrences(of: "\"jobFileSha256\": \"", with: "\"jobFileSha256\": \"0")
        try Data(text.utf8).write(to: second)
        guard case .differentRuns(_, _, let field, _, _) = mergeError() else { Issue.record("no mismatch reported"); return }
        #expect(field == "jobFileSha256")
        try saved.write(to: second)

        // A stale manifest of another sharding beside them.
        try saved.write(to: root.appendingPathComponent("manifest.shard-1-of-2.json"))
        #expect(mergeError() == .mixedShardCounts(folder: root.path, counts: [2, 3]))
        #expect(try ManifestMerge.merge(folder: root, shards: 3).manifest.units.count == 8)

        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(throws: ManifestError.noShards(folder: empty.path)) { try ManifestMerge.merge(folder: empty) }
    }
}
