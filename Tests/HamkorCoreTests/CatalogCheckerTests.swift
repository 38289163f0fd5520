import Testing
@testable import HamkorCore
import HamkorLocalization

/// `hamkor l10n check` finds each kind of catalog problem.
@Suite struct CatalogCheckerTests {
    let template = [
        POEntry(context: "sheet name", msgid: "By sector", msgstr: [""]),
        POEntry(context: "paragraph", msgid: "{count} project", msgidPlural: "{count} projects", msgstr: ["", ""]),
        POEntry(context: "key figure", msgid: "Total value {value}", msgstr: [""]),
        POEntry(context: "sector", msgid: "Energy", msgstr: [""]),
        POEntry(context: "sector", msgid: "Mining", msgstr: [""]),
    ]

    @Test func findsEveryKindOfProblem() throws {
        let catalog = try POCatalog.parse(#"""
        msgid ""
        msgstr "Plural-Forms: nplurals=4; plural=(n%1!=0 ? 3 : n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2);\n"

        msgctxt "sheet name"
        msgid "By sector"
        msgstr "Проекты по отраслям экономики и регионам"

        msgctxt "paragraph"
        msgid "{count} project"
        msgid_plural "{count} projects"
        msgstr[0] "{count} проект"
        msgstr[1] "{count} проекта"

        msgctxt "key figure"
        msgid "Total value {value}"
        msgstr "Общая стоимость {amount}"

        #, fuzzy
        msgctxt "sector"
        msgid "Energy"
        msgstr "Энергетика"
        """#)
        let result = CatalogChecker(language: .russian, template: template, catalog: catalog).check()
        #expect(result.missing == [MessageKey(context: "sector", msgid: "Mining")])
        #expect(result.fuzzy == [MessageKey(context: "sector", msgid: "Energy")])
        #expect(result.pluralProblems == [MessageKey(context: "paragraph", msgid: "{count} project")])
        #expect(result.placeholderMismatches == [MessageKey(context: "key figure", msgid: "Total value {value}")])
        #expect(result.tooLong == [MessageKey(context: "sheet name", msgid: "By sector")])
        #expect(result.problemCount == 5)
    }

    @Test func thePluralFormsHeaderMustPickTheLanguagesForms() throws {
        func problems(_ header: String?, language: LanguageTag = .russian) throws -> [String] {
            let text = "msgid \"\"\nmsgstr \"\"\n\"Language: x\\n\"\n" + (header.map { "\"Plural-Forms: \($0)\\n\"\n" } ?? "")
            let catalog = try POCatalog.parse(text, file: "ru.po")
            return CatalogChecker(language: language, template: template, catalog: catalog).check().headerProblems
        }
        #expect(try problems("nplurals=4; plural=0;") == ["ru.po:4: Plural-Forms: the plural expression gives form 0 for n = 0, but ru uses form 2 (many) there"])
        #expect(try problems("nplurals=0; plural=0;") == ["ru.po:4: Plural-Forms: nplurals=0 is not valid; it is the number of plural forms, 1 to 6"])
        #expect(try problems("nplurals=4; plural=(n/0);") == ["ru.po:4: Plural-Forms: the plural expression divides by zero for n = 0"])
        #expect(try problems(nil) == ["ru.po:1: Plural-Forms: the header is missing; ru needs nplurals=4 and its plural expression"])
        #expect(try problems("nplurals=2; plural=(n != 1);", language: .turkish).isEmpty)
        #expect(try problems("nplurals=2; plural=(n > 1);", language: .uzbekLatin) == ["ru.po:4: Plural-Forms: the plural expression gives form 0 for n = 0, but uz uses form 1 (other) there"])
    }

    @Test func placeholderAndPluralProblemsNameTheirLine() throws {
        let catalog = try POCatalog.parse("""
            msgid ""
            msgstr "Plural-Forms: nplurals=2; plural=(n != 1);\\n"

            msgctxt "paragraph"
            msgid "{count} project"
            msgid_plural "{count} projects"
            msgstr[0] "{count} layihə"
            msgstr[1] "{say} layihə"

            msgctxt "key figure"
            msgid "Total value {value}"
            msgstr "Ümumi dəyər {amount}"
            """, file: "az.po")
        let result = CatalogChecker(language: .azerbaijani, template: template, catalog: catalog).check()
        #expect(result.details.contains { $0.hasPrefix("az.po:8: placeholders: [paragraph] {count} project") }, "\(result.details)")
        #expect(result.details.contains { $0.hasPrefix("az.po:12: placeholders: [key figure] Total value {value}") }, "\(result.details)")
    }

    @Test func theShippedCatalogsAreComplete() {
        let engine = TestSupport.engine
        let expected = CatalogExtractor(vocabulary: engine.vocabulary, definitions: Array(engine.definitions.values)).entries()
        #expect(Set(engine.catalogs.template.entries.map(\.key)) == Set(expected.map(\.key)), "hamkor.pot is out of date")
        for (language, catalog) in engine.catalogs.catalogs {
            let result = CatalogChecker(language: language, template: expected, catalog: catalog).check()
            #expect(result.problemCount == 0, "\(language): \(result.details)")
        }
    }
}
