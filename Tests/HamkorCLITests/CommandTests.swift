import Foundation
import Testing

/// Every command and exit code of ../shared/PRODUCT.md, through the built binary.
@Suite(.serialized) struct CommandTests {
    @Test func versionNamesTheLinkedLibxlsxwriter() throws {
        let result = try CLIRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("hamkor 0.1.0 (libxlsxwriter 1."))
    }

    @Test func helpTeachesWithExamples() throws {
        for command in [["--help"], ["report", "--help"], ["batch", "--help"], ["schedule", "--help"], ["validate", "--help"]] {
            let result = try CLIRunner.run(command)
            #expect(result.status == 0)
            #expect(result.stdout.contains("Examples:"), "\(command)")
            // Prose is wrapped by the parser to the terminal width, not broken where the source was:
            // a line that continues into the next one fills most of the 80 columns.
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            for (line, next) in zip(lines, lines.dropFirst())
            where !line.isEmpty && !next.isEmpty && !line.hasPrefix(" ") && !next.hasPrefix(" ") && !line.hasSuffix(":") {
                #expect(line.count >= 60, "\(command): a short line mid-paragraph: '\(line)'")
            }
        }
    }

    @Test func validateTheSample() throws {
        let result = try CLIRunner.run(["validate"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("15 projects, 18 agreements, 3 twin-city pairs"))
        #expect(result.stdout.contains("total value $2,100,000,000 (sample data)"))
    }

    @Test func validateReportsEveryProblemWithItsLocation() throws {
        let file = CLIRunner.fixture("four-problems.yaml")
        let result = try CLIRunner.run(["validate", "--data", file])
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.hasPrefix("\(file):") && $0.contains(": error: ") })
        #expect(lines.contains { $0.contains(":6:5: error: projects.id: duplicate id 'dup'") })
        #expect(lines.contains { $0.contains("unknown sector code 'spaceflight'") })
        #expect(lines.contains { $0.contains("must not be negative") })
        #expect(lines.contains { $0.contains("'2024-02-30' is not a valid date") })
    }

    @Test func validateSyntaxErrorAndMissingFile() throws {
        let syntax = try CLIRunner.run(["validate", "--data", CLIRunner.fixture("syntax-error.yaml")])
        #expect(syntax.status == 65)
        #expect(syntax.stderr.contains("syntax-error.yaml:"))
        #expect(syntax.stderr.contains("syntax error"))
        let missing = try CLIRunner.run(["validate", "--data", "/nonexistent/data.yaml"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("/nonexistent/data.yaml: error: no such file or folder"))
    }

    @Test func usageErrorsExit64() throws {
        let unknownReport = try CLIRunner.run(["report", "nonesuch"])
        #expect(unknownReport.status == 64)
        #expect(unknownReport.stderr.contains("available: agreements, briefing, portfolio, trade, twin-cities"))
        let unknownLanguage = try CLIRunner.run(["report", "portfolio", "--lang", "de"])
        #expect(unknownLanguage.status == 64)
        #expect(unknownLanguage.stderr.contains("available: en, uz, uz-Cyrl, az, ru"))
        let unknownFormat = try CLIRunner.run(["report", "portfolio", "--format", "odt"])
        #expect(unknownFormat.status == 64)
        #expect(unknownFormat.stderr.contains("unknown format 'odt'; available: csv, txt, xlsx, pdf"))
        let unknownOption = try CLIRunner.run(["report", "portfolio", "--colour"])
        #expect(unknownOption.status == 64)
        let xlsxToStdout = try CLIRunner.run(["report", "portfolio", "--format", "xlsx", "--output", "-"])
        #expect(xlsxToStdout.status == 64)
    }

    @Test func reportToStdoutAndToFiles() throws {
        let text = try CLIRunner.run(["report", "briefing", "--lang", "ru-RU"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Сотрудничество с Азербайджаном: все годы"))
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xlsx = try CLIRunner.run(["report", "portfolio", "--lang", "az", "--output", "p.xlsx"], in: folder)
        #expect(xlsx.status == 0)
        let data = try Data(contentsOf: folder.appendingPathComponent("p.xlsx"))
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))  // a zip
        let defaultName = try CLIRunner.run(["report", "agreements", "--lang", "uz-Cyrl", "--format", "xlsx"], in: folder)
        #expect(defaultName.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("agreements-uz-Cyrl.xlsx").path))
    }

    @Test func pdfReportsGoToFilesReproduciblyAndTableWorksForEveryFormat() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try CLIRunner.run(["report", "briefing", "--lang", "uz", "--format", "pdf"], in: folder)
        #expect(pdf.status == 0, "\(pdf.stderr)")
        let first = try Data(contentsOf: folder.appendingPathComponent("briefing-uz.pdf"))
        #expect(first.starts(with: Array("%PDF-".utf8)))
        #expect(try CLIRunner.run(["report", "briefing", "--lang", "uz", "--output", "again.pdf"], in: folder).status == 0)
        #expect(try Data(contentsOf: folder.appendingPathComponent("again.pdf")) == first)  // SOURCE_DATE_EPOCH is set
        #expect(try CLIRunner.run(["report", "briefing", "--format", "pdf", "--output", "-"]).status == 64)

        for format in ["csv", "txt", "xlsx", "pdf"] {
            let unknown = try CLIRunner.run(["report", "portfolio", "--format", format, "--table", "nope", "--output", "t.\(format)"], in: folder)
            #expect(unknown.status == 64)
            #expect(unknown.stderr.contains("unknown table 'nope'; this report has: by-sector, by-status, by-region, projects"))
        }
        let text = try CLIRunner.run(["report", "portfolio", "--table", "by-status"])
        #expect(text.status == 0)
        let english = try CLIRunner.run(["report", "portfolio"])
        #expect(english.stdout.contains("Projects by region") && !text.stdout.contains("Projects by region"))
        #expect(text.stdout.contains("Projects by status"))
    }

    @Test func unwritableOutputExits73AndLeavesNothing() throws {
        let result = try CLIRunner.run(["report", "portfolio", "--output", "/etc/hostname/inside.txt"])
        #expect(result.status == 73)
        #expect(result.stderr.contains("/etc/hostname/inside.txt"))
    }

    @Test func failedRunLeavesTheOldOutputUntouched() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("report.txt")
        try Data("previous complete version\n".utf8).write(to: output)
        let result = try CLIRunner.run(["report", "portfolio", "--data", CLIRunner.fixture("four-problems.yaml"), "--output", output.path])
        #expect(result.status == 65)
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous complete version\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.txt"])
    }

    @Test func listCommands() throws {
        let languages = try CLIRunner.run(["list", "languages"])
        #expect(languages.status == 0)
        for name in ["oʻzbekcha", "ўзбекча", "azərbaycan", "русский"] { #expect(languages.stdout.contains(name)) }
        let reports = try CLIRunner.run(["list", "reports", "--lang", "ru"])
        #expect(reports.status == 0)
        #expect(reports.stdout.split(separator: "\n").count == 5)
        #expect(!reports.stdout.contains("Cooperation project portfolio"))
        let formats = try CLIRunner.run(["list", "formats"])
        #expect(formats.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" } == ["csv", "txt", "xlsx", "pdf"])
    }

    @Test func catalogsAreComplete() throws {
        let result = try CLIRunner.run(["l10n", "check", "--strict"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("ru: 143 translated, 0 missing") || result.stdout.contains("ru: "))
    }

    @Test func scheduleNextPrintsFireTimes() throws {
        let result = try CLIRunner.run(["schedule", "Reports/jobs.yaml", "--next", "3"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        // The weekly sample set, and the quarterly job on its first day of a quarter.
        #expect(lines.filter { $0.hasPrefix("sample-set\t") }.count == 3)
        #expect(lines.filter { $0.hasPrefix("sample-set\t") }.allSatisfy { $0.hasSuffix("T07:00:00+05:00") })
    }
}

/// A broken definition is reported with its location and exit 65; the other reports still list.
@Suite struct BrokenDefinitionTests {
    @Test func reportWithABrokenDefinitionExits65() throws {
        let resources = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: resources) }
        for name in ["Localization", "Reports"] {
            try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent(name), to: resources.appendingPathComponent(name))
        }
        let definition = resources.appendingPathComponent("Reports/definitions/broken.yaml")
        try FileManager.default.copyItem(atPath: CLIRunner.fixture("broken.yaml"), toPath: definition.path)
        let result = try CLIRunner.run(["report", "broken", "--resources", resources.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(definition.path):9:"))
        #expect(result.stderr.contains("'budget' is not a field of projects"))
        let list = try CLIRunner.run(["list", "reports", "--resources", resources.path])
        #expect(list.status == 0)
        #expect(list.stdout.contains("portfolio"))
        #expect(list.stdout.contains("broken        (invalid definition"))
    }
}

/// Missing translations in the data: a located warning and an English fallback, or with
/// `--strict` a located error and exit 65.
@Suite struct FallbackTests {
    @Test func missingDataTranslationsWarnOrFailWithStrict() throws {
        let data = CLIRunner.fixture("partly-translated.yaml")
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lenient = try CLIRunner.run(["report", "portfolio", "--data", data, "--lang", "az", "--output", "p.txt"], in: folder)
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("\(data):9:5: warning: no az text for \"Solar plant\"; English is used"))
        #expect(lenient.stderr.contains("2 more warning(s); use --verbose to see all"))
        #expect(try String(contentsOf: folder.appendingPathComponent("p.txt"), encoding: .utf8).contains("Textile"))  // the English name, wrapped in its column
        let strict = try CLIRunner.run(["report", "portfolio", "--data", data, "--lang", "az", "--output", "s.txt", "--strict"], in: folder)
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("\(data):9:5: error: az: no az text for \"Solar plant\""))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("s.txt").path))
    }
}
