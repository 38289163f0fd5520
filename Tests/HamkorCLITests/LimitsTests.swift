import Foundation
import Testing

/// Issue #9: each documented limit (docs/DATA.md, "Limits") holds at its boundary: the value at
/// the limit loads, one past it is refused with a located, clear error.
@Suite(.serialized) struct LimitsTests {
    func validate(_ text: String, name: String = "limits.yaml") throws -> CLIRunner.Result {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return try CLIRunner.run(["validate", "--data", file.path], timeout: 60)
    }

    func project(id: String = "p1", name: String = "Solar", amount: String = "5") -> String {
        "projects:\n  - id: \(id)\n    name: {en: \"\(name)\"}\n    sector: energy\n    status: agreed\n    value: {amount: \"\(amount)\", currency: USD}\n"
    }

    @Test func idLength() throws {
        #expect(try validate(project(id: String(repeating: "a", count: 128))).status == 0)
        let over = try validate(project(id: String(repeating: "a", count: 129)))
        #expect(over.status == 65 && over.stderr.contains("limits.yaml:2:9: error: projects[0].id:"), "\(over.stderr)")
    }

    @Test func textLength() throws {
        #expect(try validate(project(name: String(repeating: "n", count: 10_000))).status == 0)
        let over = try validate(project(name: String(repeating: "n", count: 10_001)))
        #expect(over.status == 65 && over.stderr.contains("is 10001 characters (Unicode scalars) long; the limit is 10000"), "\(over.stderr)")
    }

    @Test func significantDigits() throws {
        #expect(try validate(project(amount: String(repeating: "9", count: 30))).status == 0)
        let over = try validate(project(amount: String(repeating: "9", count: 31)))
        #expect(over.status == 65 && over.stderr.contains("31 significant digits"), "\(over.stderr)")
    }

    @Test func nestingDepth() throws {
        // Every list and mapping counts, the top-level mapping too: 63 brackets inside it are 64 levels.
        let deepest = try validate("dataset: " + String(repeating: "[", count: 63) + String(repeating: "]", count: 63) + "\n")
        #expect(deepest.status == 65 && !deepest.stderr.contains("nested"), "\(deepest.stderr)")
        let over = try validate("dataset: " + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "\n")
        #expect(over.status == 65 && over.stderr.contains("limits.yaml:1:73: error: nested more than 64 levels deep"), "\(over.stderr)")
        var block = ""
        for level in 0..<130 { block += String(repeating: "  ", count: level) + "k\(level):\n" }
        let indented = try validate(block)
        #expect(indented.status == 65 && indented.stderr.contains("limits.yaml:65:129: error: nested more than 64 levels deep"), "\(indented.stderr)")
    }

    @Test func fileSize() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("big.csv")
        try #require(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 64 * 1024 * 1024 + 1)
        try handle.close()
        let result = try CLIRunner.run(["validate", "--data", file.path], timeout: 60)
        #expect(result.status == 65 && result.stderr.contains("big.csv: error: file is larger than 64 MiB"), "\(result.stderr)")
        #expect(result.seconds < 5)
    }

    @Test func problemsListed() throws {
        var text = "projects:\n"
        for index in 0..<1500 { text += "  - {id: p\(index), name: {en: x}, sector: nope, status: agreed}\n" }
        let result = try validate(text)
        #expect(result.status == 65)
        #expect(result.stderr.split(separator: "\n").count == 1000)
    }

    @Test func jobFileSize() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("jobs.yaml")
        try Data(("# " + String(repeating: "x", count: 1 << 20) + "\njobs: []\n").utf8).write(to: file)
        let result = try CLIRunner.run(["batch", file.path, "--out", folder.appendingPathComponent("out").path], timeout: 60)
        #expect(result.status == 65 && result.stderr.contains("jobs.yaml: error: file is larger than 1 MiB"), "\(result.stderr)")
    }
}
