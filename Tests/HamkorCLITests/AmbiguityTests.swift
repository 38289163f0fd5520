import Foundation
import Testing

/// Issue #17, class 5: what could be read two ways is refused, not guessed.
@Suite struct AmbiguityTests {
    @Test func aRegionHamkorHasNoProfileForIsRefused() throws {
        let refused = try CLIRunner.run(["report", "briefing", "--lang", "en-GB"], timeout: 120)
        #expect(refused.status == 64 && refused.stderr.contains("unknown language 'en-GB'"), "\(refused.stderr)")
        let own = try CLIRunner.run(["report", "briefing", "--lang", "ru-RU"], timeout: 120)
        #expect(own.status == 0, "\(own.stderr)")
    }

    @Test func anOutputTemplateWithALineFeedOrTabIsRefused() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for template in ["{report}\\n.{format}", "{report}\\t.{format}"] {
            let job = folder.appendingPathComponent("jobs.yaml")
            try Data("output: \"\(template)\"\njobs:\n  - {name: a, report: briefing, formats: [txt], languages: [en]}\n".utf8).write(to: job)
            let result = try CLIRunner.run(["batch", job.path, "--out", folder.appendingPathComponent("out").path], timeout: 120)
            #expect(result.status == 65 && result.stderr.contains("holds the control character U+00"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        }
    }

    @Test func aDefinitionCurrencyMustBeACurrency() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["Localization", "Reports"] {
            try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let definition = folder.appendingPathComponent("Reports/definitions/money.yaml")
        try Data("id: money\ntitle: Money\ncurrency: \"not a currency\"\nsections: []\n".utf8).write(to: definition)
        let result = try CLIRunner.run(["report", "money", "--resources", folder.path], timeout: 120)
        #expect(result.status == 65 && result.stderr.contains("money.yaml:3:11: error: currency: unknown currency code"), "\(result.stderr)")
    }

    /// A copy of the bundled resources in a new temporary folder.
    static func resources() throws -> URL {
        let folder = CLIRunner.temporaryFolder()
        for name in ["Localization", "Reports"] {
            try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test func twoDefinitionsWithOneIdAreAnErrorNamingBothFiles() throws {
        let folder = try Self.resources()
        defer { try? FileManager.default.removeItem(at: folder) }
        let definitions = folder.appendingPathComponent("Reports/definitions")
        let original = definitions.appendingPathComponent("portfolio.yaml").path
        let copy = definitions.appendingPathComponent("my-portfolio.yml").path
        let text = try String(contentsOfFile: original, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "title: Cooperation project portfolio", with: "title: My portfolio").utf8).write(to: URL(fileURLWithPath: copy))
        for format in ["txt", "xlsx"] {
            let out = folder.appendingPathComponent("out.\(format)").path
            let result = try CLIRunner.run(["report", "portfolio", "--resources", folder.path, "--output", out], timeout: 120)
            #expect(result.status == 65, "\(result.stderr)")
            #expect(result.stderr.contains("\(original):2:5: error: id: report id 'portfolio' is also defined in \(copy):2:5"), "\(result.stderr)")
            #expect(result.stderr.contains("\(copy):2:5: error: id: report id 'portfolio' is also defined in \(original):2:5"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out), "neither file silently wins")
        }
        // Only that id fails: the other reports still run, and the list says which one is broken.
        #expect(try CLIRunner.run(["report", "briefing", "--resources", folder.path], timeout: 120).status == 0)
        let list = try CLIRunner.run(["list", "reports", "--resources", folder.path], timeout: 120)
        #expect(list.status == 0 && list.stdout.contains("portfolio") && list.stdout.contains("invalid definition"), "\(list.stdout)")
        let job = folder.appendingPathComponent("jobs.yaml")
        try Data("jobs:\n  - {name: p, report: portfolio, formats: [txt], languages: [en]}\n".utf8).write(to: job)
        let batch = try CLIRunner.run(["batch", job.path, "--resources", folder.path, "--out", folder.appendingPathComponent("out").path], timeout: 120)
        #expect(batch.status != 0 && batch.stderr.contains("is also defined in"), "\(batch.stderr)")
    }

    /// `--table` naming no table of the report is a usage error in every format, listing the
    /// tables there are, and writes nothing: not the file, not a byte on stdout.
    @Test(arguments: ["txt", "csv", "xlsx", "pdf"])
    func anUnknownTableIsAUsageErrorInEveryFormat(format: String) throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out.\(format)").path
        let toFile = try CLIRunner.run(["report", "portfolio", "--table", "no-such-table", "--format", format, "--output", out], timeout: 120)
        #expect(toFile.status == 64, "\(toFile.stderr)")
        #expect(toFile.stderr.contains("unknown table 'no-such-table'; this report has: by-sector"), "\(toFile.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        if format == "txt" || format == "csv" {
            let toStdout = try CLIRunner.run(["report", "portfolio", "--table", "no-such-table", "--format", format], timeout: 120)
            #expect(toStdout.status == 64 && toStdout.stdout.isEmpty, "\(toStdout.stdout)")
        }
    }
}
