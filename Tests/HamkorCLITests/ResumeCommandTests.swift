import Foundation
import Testing

/// `hamkor batch --resume` end to end, with the real resources: after fixing a broken report
/// only its units run; after editing one catalog only that language's units run; nothing kept
/// is rewritten.
@Suite(.serialized) struct ResumeCommandTests {
    struct Manifest: Decodable {
        struct Unit: Decodable {
            var report: String, language: String, format: String, path: String, status: String, reused: Bool?
        }
        var units: [Unit]
    }

    func inodes(_ root: URL) -> [String: UInt64] {
        var found: [String: UInt64] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: root.path)! where !path.hasPrefix(".") && !path.hasPrefix("manifest") {
            found[path] = (try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path))?[.systemFileNumber] as? UInt64
        }
        return found
    }

    @Test func resumeRerunsOnlyFailedUnitsThenOnlyTheLanguageWhoseCatalogChanged() throws {
        let work = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let resources = work.appendingPathComponent("resources"), out = work.appendingPathComponent("out")
        for name in ["Localization", "Reports"] {
            try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent(name), to: resources.appendingPathComponent(name))
        }
        let broken = resources.appendingPathComponent("Reports/definitions/broken.yaml")
        try FileManager.default.copyItem(atPath: CLIRunner.fixture("broken.yaml"), toPath: broken.path)
        let batch = ["batch", CLIRunner.fixture("with-broken-report.yaml"), "--out", out.path, "--resources", resources.path]

        let first = try CLIRunner.run(batch)
        #expect(first.status == 1)
        let before = inodes(out)
        #expect(before.count == 2 + 2 * 2)  // twin-cities: 2 texts and 2 CSVs of 2 tables each; broken: none

        // The definition is fixed; the retry renders the four broken units and keeps the rest.
        try Data(try String(contentsOf: broken, encoding: .utf8).replacingOccurrences(of: "field: budget", with: "field: name").utf8).write(to: broken)
        let second = try CLIRunner.run(batch + ["--resume"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("(4 kept unchanged)"), "\(second.stderr)")
        var manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: out.appendingPathComponent("manifest.json")))
        #expect(manifest.units.filter { $0.reused == true }.map(\.report) == ["twin-cities", "twin-cities", "twin-cities", "twin-cities"])
        let afterFix = inodes(out)
        for (path, inode) in before { #expect(afterFix[path] == inode, "\(path) was rewritten") }

        // A reviewed Russian catalog reruns the Russian units only.
        let catalog = resources.appendingPathComponent("Localization/ru.po")
        try Data((try String(contentsOf: catalog, encoding: .utf8) + "\n# reviewed\n").utf8).write(to: catalog)
        let third = try CLIRunner.run(batch + ["--resume"])
        #expect(third.status == 0, "\(third.stderr)")
        manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: out.appendingPathComponent("manifest.json")))
        #expect(manifest.units.filter { $0.reused != true }.allSatisfy { $0.language == "ru" })
        #expect(manifest.units.filter { $0.reused == true }.allSatisfy { $0.language == "en" })
        #expect(manifest.units.filter { $0.reused == true }.count == 4)
        let afterCatalog = inodes(out)
        for (path, inode) in afterFix where path.contains(".en.") { #expect(afterCatalog[path] == inode, "\(path) was rewritten") }
        for (path, inode) in afterFix where path.contains(".ru.") { #expect(afterCatalog[path] != inode, "\(path) was not rerun") }
    }
}
