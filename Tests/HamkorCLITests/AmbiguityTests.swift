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
}
