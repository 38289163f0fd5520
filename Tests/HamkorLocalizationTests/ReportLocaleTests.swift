import Foundation
import Testing
@testable import HamkorLocalization

/// Exact strings from ICU/CLDR per language, including the no-break spaces ICU emits.
@Suite struct ReportLocaleTests {
    static let nbsp = "\u{00A0}"

    func locale(_ language: LanguageTag) -> ReportLocale {
        ReportLocale(language: language, translator: Translator(language: language, catalog: nil))
    }

    @Test func integersAndDecimals() {
        let n = Self.nbsp
        #expect(locale(.english).integer(2_134_567) == "2,134,567")
        #expect(locale(.russian).integer(2_134_567) == "2\(n)134\(n)567")
        #expect(locale(.uzbekLatin).integer(2_134_567) == "2\(n)134\(n)567")
        #expect(locale(.azerbaijani).integer(2_134_567) == "2.134.567")
        #expect(locale(.russian).decimal(Decimal(string: "1234.5")!, fractionDigits: 1) == "1\(n)234,5")
    }

    @Test func percents() {
        #expect(locale(.english).percent(Decimal(string: "0.253")!) == "25.3%")
        #expect(locale(.russian).percent(Decimal(string: "0.253")!) == "25,3\(Self.nbsp)%")
        #expect(locale(.uzbekLatin).percent(Decimal(string: "0.253")!) == "25,3%")
        #expect(locale(.azerbaijani).percent(Decimal(string: "0.253")!) == "25,3%")
    }

    @Test func money() {
        let n = Self.nbsp
        let value = Decimal(2_100_000_000)
        #expect(locale(.english).money(value, currency: "USD") == "$2,100,000,000")
        #expect(locale(.russian).money(value, currency: "USD") == "2\(n)100\(n)000\(n)000\(n)$")
        #expect(locale(.uzbekLatin).money(value, currency: "UZS") == "2\(n)100\(n)000\(n)000\(n)soʻm")
        #expect(locale(.azerbaijani).money(value, currency: "AZN") == "2.100.000.000\(n)₼")
        #expect(locale(.russian).money(1500, currency: "AZN") == "1\(n)500\(n)AZN")
    }

    @Test func compactForms() {
        let n = Self.nbsp
        let value = Decimal(2_100_000_000)
        #expect(locale(.english).compact(value) == "2.1B")
        #expect(locale(.russian).compact(value) == "2,1\(n)млрд")
        #expect(locale(.uzbekLatin).compact(value) == "2,1\(n)mlrd")
        #expect(locale(.uzbekCyrillic).compact(value) == "2,1млрд")
        #expect(locale(.azerbaijani).compact(value) == "2,1\(n)mlrd")
        #expect(locale(.english).compactMoney(value, currency: "USD") == "$2.1B")
        #expect(locale(.russian).compactMoney(value, currency: "USD") == "2,1\(n)млрд\(n)$")
        #expect(locale(.azerbaijani).compactMoney(value, currency: "USD") == "2,1\(n)mlrd\(n)US$")
    }

    @Test func dates() {
        let date = CivilDate(year: 2024, month: 8, day: 23)!
        #expect(locale(.russian).date(date) == "23 августа 2024\u{202F}г.")
        #expect(locale(.english).date(date) == "August 23, 2024")
        #expect(locale(.uzbekLatin).date(date) == "23-avgust, 2024")
        #expect(locale(.azerbaijani).date(date) == "23 avqust 2024")
        #expect(locale(.russian).date(date, .short) == "23.08.2024")
        #expect(locale(.uzbekLatin).date(date, .short) == "23/08/2024")
        #expect(locale(.english).date(date, .short) == "8/23/2024")
        #expect(locale(.russian).monthName(8) == "август")
        #expect(locale(.russian).weekdayName(date) == "пятница")
        #expect(locale(.azerbaijani).weekdayName(date) == "cümə")
    }

    /// "Generated at" lines: CLDR's glue between a long date and a time in every language, never
    /// an English "at" outside English (ICU's Azerbaijani data on Linux falls back to one).
    @Test func dateTimes() {
        let instant = Date(timeIntervalSince1970: 1_724_400_000)  // 2024-08-23 08:00 UTC
        let utc = TimeZone(identifier: "UTC")!
        let narrow = "\u{202F}"
        #expect(locale(.english).dateTime(instant, timeZone: utc) == "August 23, 2024 at 8:00\(narrow)AM")
        #expect(locale(.russian).dateTime(instant, timeZone: utc) == "23 августа 2024\(narrow)г. в 8:00")
        #expect(locale(.azerbaijani).dateTime(instant, timeZone: utc) == "23 avqust 2024 8:00")
        #expect(locale(.uzbekLatin).dateTime(instant, timeZone: utc) == "23-avgust, 2024, 8:00")
        #expect(locale(.uzbekCyrillic).dateTime(instant, timeZone: utc) == "23 август, 2024 8:00")
        #expect(locale(.azerbaijani).dateTime(instant, timeZone: TimeZone(identifier: "Asia/Baku")!) == "23 avqust 2024 12:00")
    }

    @Test func countryNamesFromCLDR() {
        #expect(locale(.uzbekLatin).countryName("UZ") == "Oʻzbekiston")
        #expect(locale(.azerbaijani).countryName("AZ") == "Azərbaycan")
        #expect(locale(.russian).countryName("UZ") == "Узбекистан")
        #expect(locale(.uzbekCyrillic).countryName("AZ") == "Озарбайжон")
        #expect(locale(.english).countryName("AZ") == "Azerbaijan")
    }

    @Test func uzbekLatinUsesModifierLetterTurnedComma() {
        // CLDR writes some Uzbek names with U+2018; Hamkor normalises them to U+02BB.
        let text = locale(.uzbekLatin).normalise("O\u{2018}zbekiston so\u{2018}mi")
        #expect(text == "O\u{02BB}zbekiston so\u{02BB}mi")
        #expect(!locale(.uzbekLatin).money(5, currency: "UZS").contains("\u{2018}"))
    }

    @Test func knownCodes() {
        #expect(ReportLocale.isKnownCountry("UZ"))
        #expect(!ReportLocale.isKnownCountry("XX"))
        #expect(!ReportLocale.isKnownCountry("uz"))
        #expect(ReportLocale.isKnownCurrency("AZN"))
        #expect(!ReportLocale.isKnownCurrency("ABC"))
    }
}
