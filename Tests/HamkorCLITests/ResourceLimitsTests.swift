import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue #17, class 1: definition, vocabulary, catalog and job files have limits and the same
/// alias refusal as data files, so a hostile one fails fast with its own located error.
@Suite(.serialized) struct ResourceLimitsTests {
    static let bomb = """
        lol1: &a1 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        lol2: &a2 [*a1,*a1,*a1,*a1,*a1,*a1,*a1,*a1,*a1]
        lol3: [*a2,*a2,*a2,*a2,*a2,*a2,*a2,*a2,*a2]

        """

    /// A copy of the bundled resources in a new temporary folder.
    func resources() throws -> URL {
        let folder = CLIRunner.temporaryFolder()
        for name in ["Localization", "Reports"] {
            try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test func anOversizedDefinitionFailsOnItsSizeAlone() throws {
        let folder = try resources()
        defer { try? FileManager.default.removeItem(at: folder) }
        let definition = folder.appendingPathComponent("Reports/definitions/huge.yaml")
        try #require(FileManager.default.createFile(atPath: definition.path, contents: nil))
        let handle = try FileHandle(forWritingTo: definition)
        try handle.truncate(atOffset: 100 * 1024 * 1024)  // sparse: nothing on disk
        try handle.close()
        let result = try CLIRunner.run(["report", "huge", "--resources", folder.path], timeout: 120)
        #expect(result.status == 65 && result.stderr.contains("huge.yaml: error: file is larger than 1 MiB"), "\(result.stderr)")
        // The other reports still work.
        let other = try CLIRunner.run(["report", "portfolio", "--resources", folder.path], timeout: 120)
        #expect(other.status == 0, "\(other.stderr)")
    }

    @Test func aDefinitionWithABombAfterABackslashStringIsRefusedAtTheAnchor() throws {
        let folder = try resources()
        defer { try? FileManager.default.removeItem(at: folder) }
        let definition = folder.appendingPathComponent("Reports/definitions/bomb.yaml")
        try Data(("id: bomb\ntitle: \"C:\\\\\"\nsections: []\n" + Self.bomb).utf8).write(to: definition)
        let result = try CLIRunner.run(["report", "bomb", "--resources", folder.path], timeout: 120)
        #expect(result.status == 65 && result.stderr.contains("bomb.yaml:4:7: error: YAML anchors"), "\(result.stderr)")
    }

    @Test func aVocabularyWithABombIsRefused() throws {
        let folder = try resources()
        defer { try? FileManager.default.removeItem(at: folder) }
        let vocabulary = folder.appendingPathComponent("Reports/vocabulary.yaml")
        let text = try String(contentsOf: vocabulary, encoding: .utf8)
        try Data(("# \"C:\\\\\"\n" + text + Self.bomb).utf8).write(to: vocabulary)
        let result = try CLIRunner.run(["list", "reports", "--resources", folder.path], timeout: 120)
        #expect(result.status != 0 && result.stderr.contains("vocabulary.yaml:") && result.stderr.contains("YAML anchors"), "\(result.stderr)")
    }

    @Test func anOversizedCatalogFailsOnItsSizeAndAFIFOCatalogNeverHangs() throws {
        let folder = try resources()
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = folder.appendingPathComponent("Localization/ru.po")
        try FileManager.default.removeItem(at: catalog)
        try #require(FileManager.default.createFile(atPath: catalog.path, contents: nil))
        let handle = try FileHandle(forWritingTo: catalog)
        try handle.truncate(atOffset: 200 * 1024 * 1024)
        try handle.close()
        let big = try CLIRunner.run(["report", "briefing", "--lang", "ru", "--resources", folder.path], timeout: 120)
        #expect(big.status == 65 && big.stderr.contains("ru.po:1:1: error: catalog is larger than 8 MiB"), "\(big.stderr)")
        try FileManager.default.removeItem(at: catalog)
        #expect(mkfifo(catalog.path, 0o644) == 0)
        let fifo = try CLIRunner.run(["report", "briefing", "--lang", "ru", "--resources", folder.path], timeout: 120)
        #expect(!fifo.signaled && fifo.status == 66 && fifo.stderr.contains("is not a regular file"), "\(fifo.stderr)")
    }

    @Test func aJobFileWithABombAfterABackslashStringIsRefused() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let job = folder.appendingPathComponent("jobs.yaml")
        try Data(("output: \"C:\\\\\"\njobs:\n  - {name: a, report: portfolio}\n" + Self.bomb).utf8).write(to: job)
        let result = try CLIRunner.run(["batch", job.path, "--out", folder.appendingPathComponent("out").path], timeout: 120)
        #expect(result.status == 65 && result.stderr.contains("jobs.yaml:4:7: error: YAML anchors"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/manifest.json").path))
    }

    /// An import profile is a small YAML file: over 1 MiB, or not a regular file, it is refused
    /// before it is read (and a FIFO never hangs `validate`).
    @Test func anOversizedOrFIFOImportProfileIsRefused() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let register = CLIRunner.repositoryRoot.appendingPathComponent("Tests/HamkorRegistersTests/Fixtures/ru-projects.xlsx").path
        let profile = folder.appendingPathComponent("big.profile.yaml")
        try #require(FileManager.default.createFile(atPath: profile.path, contents: nil))
        let handle = try FileHandle(forWritingTo: profile)
        try handle.truncate(atOffset: 50 * 1024 * 1024)  // sparse
        try handle.close()
        let big = try CLIRunner.run(["validate", "--data", register, "--profile", profile.path], timeout: 120)
        #expect(big.status == 65 && big.stderr.contains("big.profile.yaml: error: file is larger than 1 MiB"), "\(big.stderr)")
        let fifo = folder.appendingPathComponent("fifo.profile.yaml")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let piped = try CLIRunner.run(["validate", "--data", register, "--profile", fifo.path], timeout: 120)
        #expect(!piped.signaled && piped.status == 66 && piped.stderr.contains("is not a regular file"), "\(piped.stderr)")
    }
}
