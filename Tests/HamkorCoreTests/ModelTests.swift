import Foundation
import Testing
@testable import HamkorCore
import HamkorLocalization

@Suite struct ModelTests {
    @Test func civilDatesExistOrNot() {
        #expect(CivilDate(iso: "2024-02-29") != nil)
        #expect(CivilDate(iso: "2023-02-29") == nil)
        #expect(CivilDate(iso: "2024-02-30") == nil)
        #expect(CivilDate(iso: "2024-13-01") == nil)
        #expect(CivilDate(iso: "2024-8-23") == nil)
        #expect(CivilDate(iso: "２０２４-08-23") == nil)  // full-width digits are not ISO 8601
        #expect(CivilDate(iso: "2024-08-23")?.iso == "2024-08-23")
    }

    @Test func excelSerialsMatchExcel() {
        #expect(CivilDate(year: 1900, month: 3, day: 1)?.excelSerial == 61)
        #expect(CivilDate(year: 2024, month: 8, day: 23)?.excelSerial == 45527)
        #expect(CivilDate(year: 1970, month: 1, day: 1)?.excelSerial == 25569)
    }

    @Test func localizedTextFallsBackToEnglishAndSaysSo() throws {
        let text = LocalizedText(english: "Baku", translations: [.russian: "Баку"])
        let russian = try text.resolve(.russian)
        #expect(russian == "Баку")
        var fellBack = false
        let resolved = text.resolve(.azerbaijani) { fellBack = true }
        #expect(resolved == "Baku")
        #expect(fellBack)
    }

    /// Every combination of translations reads back exactly, including empty texts and a
    /// translation that starts with a combining mark (no Character boundary where it joins).
    @Test func localizedTextKeepsEachTranslationApart() {
        let samples: [LanguageTag: String] = [.uzbekLatin: "\u{301}Fargʻona", .uzbekCyrillic: "", .azerbaijani: "Gəncə",
                                               .russian: "Гянджа «Шёлк»", .turkish: "Gence"]
        let others = LanguageTag.allCases.filter { $0 != .english }
        for mask in 0..<(1 << others.count) {
            let translations = Dictionary(uniqueKeysWithValues: others.enumerated().filter { mask & (1 << $0.offset) != 0 }
                .map { ($0.element, samples[$0.element]!) })
            let text = LocalizedText(english: "Ganja", translations: translations)
            #expect(text.english == "Ganja")
            for language in others { #expect(text.exact(language) == translations[language], "\(mask) \(language)") }
            #expect(text.values == translations.merging([.english: "Ganja"]) { $1 })
            #expect(text == LocalizedText(english: "Ganja", translations: translations))
        }
        #expect(LocalizedText(english: "ab", translations: [.russian: "c"]) != LocalizedText(english: "a", translations: [.russian: "bc"]))
        #expect(LocalizedText(english: "x", translations: [.english: "ignored"]).english == "x")
    }

    @Test(arguments: [("prj-energy-01", true), ("Лойиҳа_1", true), ("a.b", true), ("../x", false), ("a/b", false),
                      (".hidden", false), ("", false), ("a b", false), ("a..b", false), ("prj.2024.01", true),
                      ("Z9_-", true), ("a\u{0}b", false), ("a:b", false), ("Gəncə.1", true), ("Gəncə..1", false), ("a\u{202E}b", false), ("a\u{200B}b", false),
                      (String(repeating: "x", count: 129), false)])
    func identifiers(_ id: String, _ valid: Bool) {
        #expect(Identifier.isValid(id) == valid)
    }

    @Test func measures() {
        #expect(MeasureExpression(parsing: "count") == .count)
        #expect(MeasureExpression(parsing: "sum(value)") == .sum("value"))
        #expect(MeasureExpression(parsing: "share(count)") == .share(nil))
        #expect(MeasureExpression(parsing: " distinct( sector ) ") == .distinct("sector"))
        #expect(MeasureExpression(parsing: "median(value)") == nil)
        #expect(MeasureExpression(parsing: "sum()") == nil)
    }

    @Test func datasetTotalsPerCurrency() {
        var dataset = Dataset()
        let location = SourceLocation(file: "x")
        for (id, amount, currency) in [("a", "1.10", "USD"), ("b", "2.20", "USD"), ("c", "5", "AZN")] {
            dataset.projects.append(Project(id: id, name: LocalizedText(english: id), partners: [], sector: "energy", places: [],
                                            value: Money(amount: Decimal(string: amount)!, currency: currency), status: .agreed,
                                            startYear: nil, endYear: nil, source: nil, illustrative: false, location: location))
        }
        #expect(dataset.totalValueByCurrency == ["USD": Decimal(string: "3.30")!, "AZN": 5])
    }
}
