import HamkorLocalization
import Testing
@testable import HamkorXLSX

@Suite struct NumberFormatsTests {
    static func formats(_ language: LanguageTag) -> NumberFormats {
        NumberFormats(locale: ReportLocale(language: language, translator: Translator(language: language, catalog: nil)))
    }

    @Test func dateCodesFollowTheLanguage() {
        #expect(Self.formats(.russian).date == #"dd\.mm\.yyyy"#)
        #expect(Self.formats(.english).date == #"yyyy\-mm\-dd"#)
        #expect(Self.formats(.uzbekLatin).date == #"dd\.mm\.yyyy"#)
        for language in LanguageTag.allCases {
            let code = Self.formats(language).date
            #expect(code.contains("yy") && code.contains("m") && code.contains("d"), "\(language): \(code)")
        }
    }

    @Test func moneyPutsTheSymbolOnTheLanguagesSide() {
        #expect(Self.formats(.english).money("USD", fractionDigits: 0) == ##""$"#,##0"##)
        let russian = Self.formats(.russian).money("USD", fractionDigits: 2)
        #expect(russian.hasPrefix("#,##0.00\"") && russian.hasSuffix("$\""), "\(russian)")
    }

    /// Percentages look as in the text and CSV outputs: the sign's side and spacing from CLDR.
    @Test func percentFollowsTheLanguage() {
        #expect(Self.formats(.english).percent(1) == "0.0%")
        #expect(Self.formats(.english).percent(0) == "0%")
        #expect(Self.formats(.russian).percent(1) == "0.0\"\u{00A0}\"%")
        #expect(Self.formats(.turkish).percent(1) == "%0.0")
        #expect(Self.formats(.uzbekLatin).percent(1) == "0.0%")
    }

    @Test func plainCodes() {
        #expect(NumberFormats.decimal(2) == "#,##0.00")
        #expect(NumberFormats.decimal(2) == "#,##0.00")
        #expect(NumberFormats.year == "0")
    }
}
