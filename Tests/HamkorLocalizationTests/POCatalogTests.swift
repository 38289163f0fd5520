import Foundation
import Testing
@testable import HamkorLocalization

@Suite struct POCatalogTests {
    static let sample = #"""
    msgid ""
    msgstr ""
    "Language: ru\n"
    "Plural-Forms: nplurals=4; plural=(n%1!=0 ? 3 : n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2);\n"

    #. Column header
    msgctxt "column header"
    msgid "Value"
    msgstr "Стоимость"

    #. Sector name
    msgctxt "sector"
    msgid "Energy"
    msgstr ""
    "Энерге"
    "тика"

    #, fuzzy
    msgid "Draft"
    msgstr "Черновик"

    msgctxt "paragraph"
    msgid "{count} project"
    msgid_plural "{count} projects"
    msgstr[0] "{count} проект"
    msgstr[1] "{count} проекта"
    msgstr[2] "{count} проектов"
    msgstr[3] "{count} проекта"

    msgid "Quote \"and\" tab\there"
    msgstr "Кавычки «и» табуляция\tздесь"
    """#

    /// A catalog saved with Windows line ends reads exactly as the same catalog with LF ends.
    @Test func crlfLineEndsReadAsLF() throws {
        let lf = try POCatalog.parse(Self.sample)
        let crlf = try POCatalog.parse(Self.sample.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(crlf.header == lf.header)
        #expect(crlf.entries.map(\.msgstr) == lf.entries.map(\.msgstr))
        #expect(crlf.entries.map(\.line) == lf.entries.map(\.line))
        #expect(crlf.entries.count == 5)
    }

    /// Broken strings are refused with the line and what is wrong; Unicode spaces around a line
    /// are trimmed as ASCII ones are.
    @Test(arguments: [("msgid \"a\"b\"\nmsgstr \"x\"", "unescaped quote inside a string"),
                      ("msgid \"a\\q\"\nmsgstr \"x\"", "unknown escape"),
                      ("msgid \"a\\\"\nmsgstr \"x\"", "string ends with a backslash"),
                      ("msgid \"a\nmsgstr \"x\"", "expected a quoted string"),
                      ("msgid a\nmsgstr \"x\"", "expected a quoted string"),
                      ("msgid \"a\"\nmsgstr \"x\\\\\\\"", "string ends with a backslash")])
    func brokenStringsAreRefused(_ text: String, _ reason: String) {
        #expect(throws: LocalizationError.self) { try POCatalog.parse(text) }
        do { _ = try POCatalog.parse(text) } catch { #expect("\(error)".contains(reason), "\(error)") }
    }

    @Test func unicodeSpacesAroundLinesAreTrimmed() throws {
        let catalog = try POCatalog.parse("\u{00A0}msgid \"Value\"\u{3000}\n\tmsgstr \"Стоимость\" \r\n")
        #expect(catalog.entries.first?.msgstr == ["Стоимость"])
        #expect(catalog.entries.first?.msgid == "Value")
    }

    @Test func parsesHeaderContextsContinuationsAndPlurals() throws {
        let catalog = try POCatalog.parse(Self.sample)
        #expect(catalog.header["Language"] == "ru")
        #expect(catalog.pluralCount == 4)
        #expect(catalog.entries.count == 5)
        #expect(catalog.entry(for: MessageKey(context: "sector", msgid: "Energy"))?.msgstr == ["Энергетика"])
        #expect(catalog.entry(for: MessageKey(context: "column header", msgid: "Value"))?.translatorComments == ["Column header"])
        #expect(catalog.entry(for: MessageKey(msgid: "Draft"))?.isFuzzy == true)
        #expect(catalog.entry(for: MessageKey(context: "paragraph", msgid: "{count} project"))?.msgstr.count == 4)
        #expect(catalog.entry(for: MessageKey(msgid: "Quote \"and\" tab\there"))?.msgstr == ["Кавычки «и» табуляция\tздесь"])
    }

    @Test func translatorPicksPluralFormsAndFallsBack() throws {
        let catalog = try POCatalog.parse(Self.sample)
        let missing = MissingRecorder()
        let translator = Translator(language: .russian, catalog: catalog, onMissing: { missing.add($0) })
        let rules = PluralRules.russian
        func projects(_ n: Int) throws -> String {
            try PlaceholderTemplate(translator.plural("{count} project", "{count} projects", category: rules.category(for: n), context: "paragraph"))
                .render(["count": String(n)])
        }
        #expect(try projects(1) == "1 проект")
        #expect(try projects(3) == "3 проекта")
        #expect(try projects(15) == "15 проектов")
        #expect(try projects(21) == "21 проект")
        #expect(try translator.text("Draft") == "Draft")  // fuzzy is not used
        #expect(try translator.text("Unknown", context: "x") == "Unknown")
        #expect(missing.keys == [MessageKey(msgid: "Draft"), MessageKey(context: "x", msgid: "Unknown")])
        let strict = Translator(language: .russian, catalog: catalog, strict: true)
        #expect(throws: LocalizationError.missingTranslation(language: "ru", context: "x", msgid: "Unknown")) {
            try strict.text("Unknown", context: "x")
        }
    }

    @Test(arguments: [
        ("msgid \"a\"\nmsgstr \"b\" extra\n", 2),
        ("msgid \"a\"\n", 1),
        ("msgstr \"b\"\n", 1),
        ("msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n", 4),
        ("msgid \"a\\q\"\nmsgstr \"b\"\n", 1),
        ("\nbogus \"x\"\n", 2),
    ])
    func malformedCatalogsReportTheirLine(_ text: String, _ line: Int) {
        do {
            _ = try POCatalog.parse(text, file: "x.po")
            Issue.record("expected an error")
        } catch let error as LocalizationError {
            guard case .malformedCatalog(let file, let reported, _) = error else { Issue.record("\(error)"); return }
            #expect(file == "x.po")
            #expect(reported == line)
        } catch { Issue.record("\(error)") }
    }

    @Test func placeholders() throws {
        let template = PlaceholderTemplate("{count} из {total} ({share}) {{literal}}")
        #expect(template.placeholders == ["count", "total", "share"])
        #expect(try template.render(["count": "3", "total": "5", "share": "60%"]) == "3 из 5 (60%) {literal}")
        #expect(throws: LocalizationError.self) { try template.render(["count": "3"]) }
    }

    /// Catalog text no report can hold is refused at its line: XML 1.0 forbids most C0
    /// controls and U+FFFE/U+FFFF (a workbook holding one is corrupt); `\r`, DEL and C1 garble text.
    @Test(arguments: ["\u{1}", "\u{1B}", "\u{7F}", "\u{85}", "\u{FFFE}", "\u{FFFF}", "\\r"])
    func refusesTextNoReportCanHold(_ inserted: String) throws {
        let text = "msgid \"\"\nmsgstr \"\"\n\nmsgid \"Energy\"\nmsgstr \"Энер\(inserted)гетика\"\n"
        #expect(throws: LocalizationError.self) { try POCatalog.parse(text, file: "ru.po") }
        do { _ = try POCatalog.parse(text, file: "ru.po") } catch let error as LocalizationError {
            #expect(error.description.hasPrefix("ru.po:5:1: error: the string contains the "), "\(error)")
        }
        // A tab and the \n and \t escapes are text.
        let fine = try POCatalog.parse("msgid \"\"\nmsgstr \"\"\n\nmsgid \"A\"\nmsgstr \"a\tb\\nc\\td\"\n", file: "ru.po")
        #expect(fine.entries.first?.msgstr == ["a\tb\nc\td"])
        #expect(fine.entries.first?.msgstrLines == [5])
    }

}

/// Collects missing-translation callbacks in tests.
final class MissingRecorder: @unchecked Sendable {
    private(set) var keys: [MessageKey] = []
    func add(_ key: MessageKey) { keys.append(key) }
}
