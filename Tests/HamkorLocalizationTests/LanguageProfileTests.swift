import Foundation
import Testing
@testable import HamkorLocalization

/// A language is one row of `LanguageProfile.all` plus its catalog: these checks fail when a row
/// is incomplete or a per-language place (catalog, glossary column, plural forms, ICU data) is missed.
@Suite struct LanguageProfileTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func tagsAreUniqueAndEnglishIsTheSource() {
        let tags = LanguageProfile.all.map(\.tag)
        #expect(Set(tags).count == tags.count)
        #expect(tags.first == "en")
        #expect(LanguageTag.allCases.map(\.tag) == tags)
        // Data texts keep one slot per language (LocalizedText); eight at most.
        #expect(tags.count <= 8)
    }

    @Test(arguments: LanguageProfile.all.map(\.tag))
    func everyRowIsComplete(_ tag: String) throws {
        let language = try #require(LanguageTag(rawValue: tag))
        let profile = language.profile
        #expect(try LanguageTag(parsing: tag) == language, "the canonical tag parses back")
        #expect(try LanguageTag(parsing: profile.icuIdentifier) == language, "the ICU locale parses to the row")
        // The ICU locale is one ICU has data for: its language name is not the raw code.
        let locale = Locale(identifier: profile.icuIdentifier)
        #expect(locale.localizedString(forLanguageCode: profile.languageSubtag) != nil)
        // The autonym is written in the row's script.
        let isCyrillic = profile.autonym.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
        #expect(isCyrillic == (profile.script == .cyrillic), "\(tag): autonym '\(profile.autonym)' is not in \(profile.script)")
        // Both date patterns render.
        let reportLocale = ReportLocale(language: language, translator: Translator(language: language, catalog: nil))
        let date = CivilDate(year: 2024, month: 8, day: 23)!
        #expect(reportLocale.date(date, .prose).contains("2024") && reportLocale.date(date, .table).contains("08"))
    }

    @Test(arguments: LanguageProfile.all.map(\.tag).filter { $0 != "en" })
    func everyLanguageHasACatalogWithItsPluralForms(_ tag: String) throws {
        let language = try #require(LanguageTag(rawValue: tag))
        let url = Self.repository.appendingPathComponent("Localization/\(language.catalogName).po")
        let catalog = try POCatalog.load(contentsOf: url)
        #expect(catalog.pluralCount == language.pluralRules.categories.count, "\(tag).po Plural-Forms")
    }

    @Test func theGlossaryHasAColumnForEveryLanguage() throws {
        let glossary = try String(contentsOf: Self.repository.appendingPathComponent("Localization/GLOSSARY.md"), encoding: .utf8)
        let headers = glossary.split(separator: "\n").filter { $0.hasPrefix("| term (en) |") }
        #expect(!headers.isEmpty)
        for header in headers {
            let columns = header.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let expected = ["term (en)"] + LanguageProfile.all.dropFirst().map(\.tag) + ["note"]
            #expect(columns == expected, "\(header)")
        }
    }

    /// The README's language list and `--lang` help come from the table; the README is checked by hand-kept text.
    @Test func theReadmeNamesEveryLanguage() throws {
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        for tag in LanguageTag.availableTags {
            #expect(readme.contains("`\(tag)`"), "README.md does not mention `\(tag)`")
        }
    }
}
