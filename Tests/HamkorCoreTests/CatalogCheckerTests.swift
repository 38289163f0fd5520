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
        msgstr "Plural-Forms: nplurals=4; plural=0;\n"

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
