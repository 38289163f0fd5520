import Foundation
@testable import HamkorCore
import HamkorLocalization
import Testing

/// `Localization/GLOSSARY.md` is enforced: the bundled catalogs and data pass, and the wordings
/// the native review marked are found again with FILE:LINE, the term found and the term required.
@Suite struct GlossaryCheckerTests {
    static let glossary = try! Glossary(markdown: try! String(contentsOf: TestSupport.resources.localization
        .appendingPathComponent("GLOSSARY.md"), encoding: .utf8))
    let checker = GlossaryChecker(glossary: Self.glossary)

    @Test func theGlossaryIsReadWithEveryVocabularyRowAndRule() {
        #expect(Self.glossary.terms.count >= 50)
        #expect(Self.glossary.terms.allSatisfy { $0.translations.count == LanguageTag.allCases.count - 1 })
        #expect(Self.glossary.avoidances.count >= 15)
        #expect(Set(Self.glossary.avoidances.map(\.language)) == Set(LanguageTag.allCases.filter { $0 != .english }))
    }

    @Test func theBundledCatalogsAndDataPassTheGlossary() throws {
        for language in LanguageTag.allCases where language != .english {
            let catalog = try #require(TestSupport.engine.catalogs.catalogs[language])
            #expect(checker.check(catalog, language: language).isEmpty, "\(language)")
        }
        let files = try FileManager.default.contentsOfDirectory(at: TestSupport.resources.sampleData, includingPropertiesForKeys: nil)
        for url in files where url.pathExtension == "yaml" {
            let findings = checker.check(dataFile: try String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
            #expect(findings.isEmpty, "\(findings)")
        }
    }

    /// The review's findings, as the data had them, are reported at their lines.
    @Test func theReviewsFindingsAreCaught() {
        let data = """
        agreements:
          - id: agr-twin-jizzakh-guba
            title:
              en: "Agreement on establishing twinning relations between Jizzakh and Guba"
              uz: "Jizzax va Guba shaharlari oʻrtasida birodarlik munosabatlarini oʻrnatish toʻgʻrisidagi bitim"
              uz-Cyrl: "Жиззах ва Губа шаҳарлари ўртасида биродарлик муносабатларини ўрнатиш тўғрисидаги битим"
          - id: agr-mou
            title:
              en: "Memorandum of understanding on cooperation in youth policy"
              uz: "Yoshlar siyosati sohasida hamkorlik toʻgʻrisidagi anglashuv memorandumi"
              uz-Cyrl: "Ёшлар сиёсати соҳасида ҳамкорлик тўғрисидаги ўзаро англашув меморандуми"
          - id: agr-intergovernmental
            title:
              en: "Agreement on cooperation in health care"
              uz: "Sogʻliqni saqlash sohasida hamkorlik toʻgʻrisidagi bitim"
        places:
          - {code: AZ-SM, name: {en: "Sumgait", uz: "Sumgait", ru: "Сумгаит", tr: "Sumgait"}}
        """
        let findings = checker.check(dataFile: data, file: "agreements.yaml")
        let lines = findings.map { "\($0.line) \($0.language) \($0.found) → \($0.required)" }
        #expect(Set(lines) == [
            "5 uz Guba → Quba, Baylaqon, Sumqayit",
            "5 uz bitim → kelishuv",
            "6 uz-Cyrl Губа → Қуба, Байлақон, Сумқайит",
            "6 uz-Cyrl битим → келишув",
            "10 uz anglashuv memorandum → oʻzaro anglashuv memorandumi",
            "17 uz Sumgait → Quba, Baylaqon, Sumqayit",
            "17 tr Sumgait → Kuba, Sumgayıt, Taşkent",
        ], "\(lines)")
        #expect(findings.map(\.description).contains("agreements.yaml:5: uz: 'Guba' found; the glossary requires 'Quba, Baylaqon, Sumqayit'"))
        // An intergovernmental agreement may be a bitim: the rule applies to twinning only.
        #expect(!findings.contains { $0.line == 15 })
    }

    @Test func aVocabularyEntryThatDriftsIsReported() throws {
        let catalog = try POCatalog.parse("""
        msgid ""
        msgstr ""
        "Plural-Forms: nplurals=2; plural=(n != 1);\\n"

        msgctxt "agreement level"
        msgid "Regional"
        msgstr "Mintaqaviy"
        """, file: "uz.po")
        let findings = checker.check(catalog, language: .uzbekLatin)
        #expect(findings.map(\.description) == ["uz.po:5: uz: 'Mintaqaviy' found; the glossary requires 'Hududiy'"])
    }
}
