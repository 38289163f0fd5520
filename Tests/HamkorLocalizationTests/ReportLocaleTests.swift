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
        #expect(locale(.uzbekCyrillic).compact(value) == "2,1\(n)млрд")
        #expect(locale(.azerbaijani).compact(value) == "2,1\(n)mlrd")
        #expect(locale(.english).compactMoney(value, currency: "USD") == "$2.1B")
        #expect(locale(.russian).compactMoney(value, currency: "USD") == "2,1\(n)млрд\(n)$")
        #expect(locale(.azerbaijani).compactMoney(value, currency: "USD") == "2,1\(n)mlrd\(n)US$")
    }

    /// One long style for prose and one numeric style for tables per language, following
    /// official usage rather than ICU's defaults (`23-avgust, 2024`, `23/08/2024`, `декабр`).
    @Test func dates() {
        let date = CivilDate(year: 2024, month: 8, day: 23)!
        let december = CivilDate(year: 2024, month: 12, day: 1)!
        let n = Self.nbsp
        #expect(locale(.russian).date(date) == "23 августа 2024\(n)г.")
        #expect(locale(.english).date(date) == "23 August 2024")
        #expect(locale(.uzbekLatin).date(date) == "2024-yil 23-avgust")
        #expect(locale(.uzbekCyrillic).date(date) == "2024 йил 23 август")
        #expect(locale(.uzbekCyrillic).date(december) == "2024 йил 1 декабрь")
        #expect(locale(.azerbaijani).date(date) == "23 avqust 2024")
        #expect(locale(.turkish).date(date) == "23 Ağustos 2024")
        #expect(locale(.russian).date(date, .table) == "23.08.2024")
        #expect(locale(.uzbekLatin).date(date, .table) == "23.08.2024")
        #expect(locale(.uzbekCyrillic).date(date, .table) == "23.08.2024")
        #expect(locale(.azerbaijani).date(date, .table) == "23.08.2024")
        #expect(locale(.turkish).date(date, .table) == "23.08.2024")
        #expect(locale(.english).date(date, .table) == "2024-08-23")
        #expect(locale(.russian).monthName(8) == "август")
        #expect(locale(.uzbekCyrillic).monthName(12) == "декабрь")
        #expect(locale(.russian).weekdayName(date) == "пятница")
        #expect(locale(.azerbaijani).weekdayName(date) == "cümə")
    }

    /// Every language's prose date uses only month names from its own CLDR data, never a digit month.
    @Test func everyLanguageHasBothDateStyles() {
        let date = CivilDate(year: 2024, month: 12, day: 5)!
        for language in LanguageTag.allCases {
            let prose = locale(language).date(date, .prose), table = locale(language).date(date, .table)
            #expect(prose.contains("2024") && !prose.contains("12"), "\(language): \(prose)")
            #expect(table.contains("12") && table.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" }, "\(language): \(table)")
        }
    }

    /// "Generated" lines: the prose date, the time and the zone, the same in every format.
    @Test func dateTimes() {
        let instant = Date(timeIntervalSince1970: 1_724_400_000)  // 2024-08-23 08:00 UTC
        let utc = TimeZone(identifier: "UTC")!
        let narrow = "\u{202F}", n = Self.nbsp
        #expect(locale(.english).dateTime(instant, timeZone: utc) == "23 August 2024, 8:00\(narrow)AM UTC")
        #expect(locale(.russian).dateTime(instant, timeZone: utc) == "23 августа 2024\(n)г., 8:00 UTC")
        #expect(locale(.azerbaijani).dateTime(instant, timeZone: utc) == "23 avqust 2024, 8:00 UTC")
        #expect(locale(.uzbekLatin).dateTime(instant, timeZone: utc) == "2024-yil 23-avgust, 8:00 UTC")
        #expect(locale(.uzbekCyrillic).dateTime(instant, timeZone: utc) == "2024 йил 23 август, 8:00 UTC")
        #expect(locale(.turkish).dateTime(instant, timeZone: utc) == "23 Ağustos 2024, 8:00 UTC")
        #expect(locale(.azerbaijani).dateTime(instant, timeZone: TimeZone(identifier: "Asia/Baku")!) == "23 avqust 2024, 12:00 UTC+04:00")
    }

    /// Text sorts by the report language's collation: az Ç after C, Ə after E, Q after K;
    /// uz Oʻ Gʻ Sh Ch after Z; ru Ё with Е; tr Ç Ğ İ Ö Ş Ü in place.
    @Test func collationPerLanguage() {
        #expect(locale(.azerbaijani).sorted(["Çin", "Dəniz", "Cənub", "Əli", "Eyni", "Fərq", "Qala", "Kənd", "Lənkəran"])
                == ["Cənub", "Çin", "Dəniz", "Eyni", "Əli", "Fərq", "Kənd", "Qala", "Lənkəran"])
        #expect(locale(.uzbekLatin).sorted(["Oʻzbekiston", "Choy", "Shahar", "Gʻalaba", "Zomin", "Olma", "Gul", "Sabzi"])
                == ["Gul", "Olma", "Sabzi", "Zomin", "Oʻzbekiston", "Gʻalaba", "Shahar", "Choy"])
        #expect(locale(.russian).sorted(["Жук", "Ехать", "Ёж", "Еда"]) == ["Еда", "Ёж", "Ехать", "Жук"])
        #expect(locale(.turkish).sorted(["Ödemiş", "Ordu", "Çorum", "Cide", "İzmir", "Iğdır", "Şile", "Sinop", "Ünye", "Uşak"])
                == ["Cide", "Çorum", "Iğdır", "İzmir", "Ordu", "Ödemiş", "Sinop", "Şile", "Uşak", "Ünye"])
        // The code-point order these replace gets every one of them wrong.
        #expect(["Çin", "Dəniz"].sorted() != locale(.azerbaijani).sorted(["Çin", "Dəniz"]))
    }

    /// Running text names the currency in the right form (catalog entries); no symbol, no CLDR quirk.
    @Test func moneyInProseHasNoSymbol() throws {
        let catalogs = try CatalogSet.load(from: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Localization"))
        let value = Decimal(2_100_000_000)
        func prose(_ language: LanguageTag) throws -> String {
            try ReportLocale(language: language, translator: catalogs.translator(for: language, strict: true)).proseMoney(value, currency: "USD")
        }
        let n = Self.nbsp
        #expect(try prose(.russian) == "2,1\(n)млрд долларов США")
        #expect(try prose(.uzbekLatin) == "2,1\(n)mlrd AQSH dollari")
        #expect(try prose(.uzbekCyrillic) == "2,1\(n)млрд АҚШ доллари")
        #expect(try prose(.azerbaijani) == "2,1\(n)mlrd ABŞ dolları")
        #expect(try prose(.turkish) == "2,1\(n)milyar ABD doları")
        for language in LanguageTag.allCases {
            let text = try prose(language)
            #expect(!text.contains("$") && !text.contains("US$"), "\(language): \(text)")
        }
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
