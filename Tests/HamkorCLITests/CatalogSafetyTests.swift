import Foundation
import Testing

/// Issue #17, classes 4 and 6 for translation catalogs and definitions: text no report can hold
/// is refused where it is written, `l10n check --strict` holds the `Plural-Forms` header to
/// msgfmt's rules and the language's CLDR forms, and its findings name the catalog line.
@Suite(.serialized) struct CatalogSafetyTests {
    /// A copy of the bundled resources in a new temporary folder.
    func resources() throws -> URL {
        let folder = CLIRunner.temporaryFolder()
        for name in ["Localization", "Reports"] {
            try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// Replaces the first occurrence of `old` in a file of `folder`; returns the 1-based line it was on.
    @discardableResult
    func edit(_ folder: URL, _ path: String, replacing old: String, with new: String) throws -> Int {
        let url = folder.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let range = try #require(text.range(of: old), "\(old) in \(path)")
        try Data(text.replacingCharacters(in: range, with: new).utf8).write(to: url)
        return text[..<range.lowerBound].count(where: { $0 == "\n" }) + 1
    }

    /// Malformed `Plural-Forms` values, one per catalog in each run (so two runs check ten), and
    /// what `l10n check --strict` must say about each. PluralFormsTests covers more shapes.
    static let malformedHeaders: [[(catalog: String, header: String, message: String)]] = [
        [("ru", "nplurals=0; plural=0;", "nplurals=0 is not valid; it is the number of plural forms, 1 to 6"),
         ("az", "nplurals=2; plural=(n/0);", "the plural expression divides by zero for n = 0"),
         ("tr", "nplurals=2; plural=n-1;", "the plural expression gives form 18446744073709551615 for n = 0, but nplurals=2 allows 0 to 1"),
         ("uz", "nplurals=2; plural=(n > 1);", "the plural expression gives form 0 for n = 0, but uz uses form 1 (other) there"),
         ("uz-Cyrl", "nplurals=2; plural=" + String(repeating: "(", count: 60) + "n" + String(repeating: ")", count: 60) + ";", "nested more than 50 levels deep")],
        [("ru", "nplurals=4; plural=(n%10==1 ? 0 : 1);", "the plural expression gives form 1 for n = 0, but ru uses form 2 (many) there"),
         ("az", "nplurals=2; plural=(n==1 ? 0 : ;", "the plural expression is not valid at character"),
         ("tr", "nplurals=2;", "plural= is missing"),
         ("uz", "nplurals=99999999999999999999; plural=0;", "is not valid; it is the number of plural forms"),
         ("uz-Cyrl", "nplurals=2; plural=" + String(repeating: "!", count: 2000) + "n;", "bytes long; the limit is 1000")],
    ]

    @Test func malformedPluralFormsAreLocatedProblemsNeverACrashOrAPass() throws {
        for run in Self.malformedHeaders {
            let folder = try resources()
            defer { try? FileManager.default.removeItem(at: folder) }
            var lines: [String: Int] = [:]
            for (catalog, header, _) in run {
                let text = try String(contentsOf: folder.appendingPathComponent("Localization/\(catalog).po"), encoding: .utf8)
                let current = try #require(text.split(separator: "\n").first { $0.hasPrefix("\"Plural-Forms: ") })
                lines[catalog] = try edit(folder, "Localization/\(catalog).po", replacing: String(current), with: "\"Plural-Forms: \(header)\\n\"")
            }
            let result = try CLIRunner.run(["l10n", "check", "--strict", "--resources", folder.path], timeout: 300)
            #expect(!result.signaled && result.status == 1, "\(result.status) \(result.stderr)")
            for (catalog, header, message) in run {
                #expect(result.stdout.contains("/\(catalog).po:\(lines[catalog] ?? 0): Plural-Forms: ") && result.stdout.contains(message),
                        "\(catalog) \(header.prefix(60)): \(result.stdout.split(separator: "\n").filter { $0.contains("Plural-Forms") })")
                #expect(result.stdout.contains("\(catalog): ") && result.stdout.split(separator: "\n").contains { $0.hasPrefix("\(catalog): ") && $0.hasSuffix(", 1 header problems") })
            }
        }
    }

    @Test func placeholderProblemsNameTheLineOfTheMsgstr() throws {
        let folder = try resources()
        defer { try? FileManager.default.removeItem(at: folder) }
        let line = try edit(folder, "Localization/ru.po", replacing: "msgstr \"Страница {page} из {pages}\"", with: "msgstr \"Страница {page} из {total}\"")
        let result = try CLIRunner.run(["l10n", "check", "--strict", "--resources", folder.path], timeout: 120)
        #expect(result.status == 1)
        let detail = try #require(result.stdout.split(separator: "\n").first { $0.contains("placeholders:") }, "\(result.stdout)")
        #expect(detail.contains("Localization/ru.po:\(line): placeholders: [report chrome] Page {page} of {pages}") || detail.contains("ru.po:\(line): placeholders:"),
                "\(detail)")
    }

    /// A character XML forbids in a catalog would make every workbook in that language corrupt:
    /// the catalog is refused where it is written, whatever the format.
    @Test(arguments: [("\u{1}", "the control character U+0001"), ("\u{FFFE}", "the noncharacter U+FFFE"),
                      ("\u{1B}[31m", "the control character U+001B"), ("\\r", "the control character U+000D"),
                      ("\u{85}", "the control character U+0085")])
    func aCatalogStringNoWorkbookCanHoldIsRefusedAtItsLine(inserted: String, message: String) throws {
        let folder = try resources()
        defer { try? FileManager.default.removeItem(at: folder) }
        let line = try edit(folder, "Localization/ru.po", replacing: "msgstr \"Портфель проектов сотрудничества\"",
                            with: "msgstr \"Портфель\(inserted) проектов сотрудничества\"")
        for format in ["xlsx", "txt", "pdf"] {
            let out = folder.appendingPathComponent("out.\(format)").path
            let result = try CLIRunner.run(["report", "portfolio", "--lang", "ru", "--resources", folder.path, "--output", out], timeout: 120)
            #expect(result.status == 65, "\(format): \(result.stderr)")
            #expect(result.stderr.contains("ru.po:\(line):1: error: the string contains \(message)"), "\(format): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    /// Definitions are held to the same rules as data text (YAML escapes included).
    @Test(arguments: [("\\uFFFE", "contains the noncharacter U+FFFE"), ("\\x01", "contains the control character U+0001"),
                      ("\\e[31m", "contains the control character U+001B"), ("\\u202E", "contains the bidirectional control character U+202E")])
    func aDefinitionTitleNoWorkbookCanHoldIsRefusedAtItsLine(escape: String, message: String) throws {
        let folder = try resources()
        defer { try? FileManager.default.removeItem(at: folder) }
        try edit(folder, "Reports/definitions/portfolio.yaml", replacing: "title: Cooperation project portfolio",
                 with: "title: \"Cooperation \(escape) portfolio\"")
        let out = folder.appendingPathComponent("out.xlsx").path
        let result = try CLIRunner.run(["report", "portfolio", "--resources", folder.path, "--output", out], timeout: 120)
        #expect(result.status == 65 && result.stderr.contains("portfolio.yaml:3:8: error: title: \(message)"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A text parameter fills titles in every format: one line, no character a workbook cannot hold.
    @Test func aTextParameterIsOneLineOfSafeText() throws {
        let folder = try resources()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("""
            id: noted
            title: "Projects: {note}"
            parameters:
              note: {type: text, default: all}
            sections: []

            """.utf8).write(to: folder.appendingPathComponent("Reports/definitions/noted.yaml"))
        let out = folder.appendingPathComponent("out.xlsx").path
        for (value, message) in [("a\u{1}b", "contains the control character U+0001"), ("a\nb", "holds a line feed"),
                                 ("a\tb", "holds a tab"), ("a\u{FFFE}b", "contains the noncharacter U+FFFE"),
                                 ("a\u{202E}b", "bidirectional control character U+202E"),
                                 (String(repeating: "x", count: 10_001), "10001 characters (Unicode scalars) long; the limit is 10000")] {
            let result = try CLIRunner.run(["report", "noted", "--resources", folder.path, "--param", "note=\(value)", "--output", out], timeout: 120)
            #expect(result.status == 64 && result.stderr.contains("--param note: ") && result.stderr.contains(message), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        let fine = try CLIRunner.run(["report", "noted", "--resources", folder.path, "--param", "note=Ташкент 2025", "--format", "txt"], timeout: 120)
        #expect(fine.status == 0 && fine.stdout.contains("Projects: Ташкент 2025"), "\(fine.stderr)")
    }
}
