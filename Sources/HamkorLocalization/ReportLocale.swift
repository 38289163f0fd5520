import Foundation

/// Everything an exporter needs to write numbers, money, dates and names for one language.
///
/// Every figure goes through Foundation's ICU/CLDR formatters; nothing here hand-builds a
/// number or date pattern. Strings from ICU are normalised only where CLDR's own data is
/// inconsistent (Uzbek Latin `o‘`/`g‘` written with U+2018 instead of U+02BB).
public struct ReportLocale: Sendable {
    /// The report language.
    public let language: LanguageTag
    /// The ICU locale.
    public let locale: Locale
    /// Translations for this language.
    public let translator: Translator

    private let calendar: Calendar

    public init(language: LanguageTag, translator: Translator) {
        self.language = language
        self.locale = Locale(identifier: language.icuIdentifier)
        self.translator = translator
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        calendar.locale = locale
        self.calendar = calendar
    }

    /// The plural rules of the language.
    public var pluralRules: PluralRules { language.pluralRules }

    /// The decimal mark (`.` or `,`).
    public var decimalSeparator: String { locale.decimalSeparator ?? "." }

    /// The grouping mark ICU uses (a no-break space in uz, ru; `.` in az; `,` in en).
    public var groupingSeparator: String { locale.groupingSeparator ?? "," }

    // MARK: Numbers

    /// An integer with grouping: `2,134` / `2 134` / `2.134`.
    public func integer(_ value: Int) -> String {
        normalise(value.formatted(.number.locale(locale)))
    }

    /// A decimal with exactly `fractionDigits` digits after the mark.
    public func decimal(_ value: Decimal, fractionDigits: Int = 2) -> String {
        normalise(value.formatted(.number.locale(locale).precision(.fractionLength(fractionDigits))))
    }

    /// A fraction as a percentage: `0.253` → `25.3%` / `25,3 %`.
    public func percent(_ fraction: Decimal, fractionDigits: Int = 1) -> String {
        normalise(fraction.formatted(.percent.locale(locale).precision(.fractionLength(fractionDigits))))
    }

    /// An amount of money in an ISO 4217 currency: `$2,134,567,890` / `2 134 567 890 $`.
    public func money(_ value: Decimal, currency: String, fractionDigits: Int = 0) -> String {
        normalise(value.formatted(.currency(code: currency).locale(locale).precision(.fractionLength(fractionDigits))))
    }

    /// A short compact number: `2.1B` / `2,1 mlrd` / `2,1 млрд`.
    public func compact(_ value: Decimal) -> String {
        normalise(value.formatted(.number.locale(locale).notation(.compactName).precision(.fractionLength(0...1))))
    }

    /// Compact money: the compact number placed where ICU puts the currency symbol (`$2.1B`, `2,1 млрд $`).
    ///
    /// ICU's compact-currency data is incomplete for uz-Cyrl and az, so the symbol's side and
    /// spacing are taken from the locale's ordinary currency pattern instead.
    public func compactMoney(_ value: Decimal, currency: String) -> String {
        let probe = currencyPattern(currency)
        guard let digit = probe.firstIndex(of: "7") else { return compact(value) + " " + currency }
        return probe.replacingCharacters(in: digit...digit, with: compact(value))
    }

    /// The digits of a decimal as displayed with `fractionDigits`, for plural selection (`"1.5"`).
    public func pluralCategory(for value: Decimal, fractionDigits: Int) -> PluralCategory {
        pluralRules.category(for: value, fractionDigits: fractionDigits)
    }

    /// The symbol ICU shows for a currency in this language (`$`, `US$`, `soʻm`, `₼`).
    public func currencySymbol(_ currency: String) -> String {
        currencyPattern(currency).replacingOccurrences(of: "7", with: "").trimmingCharacters(in: .whitespaces.union(["\u{00A0}", "\u{202F}"]))
    }

    /// The locale's money pattern shown on the digit 7 (`$7`, `7 $`, `7 soʻm`): where the symbol
    /// goes and how it is spaced, straight from ICU.
    private func currencyPattern(_ currency: String) -> String {
        normalise(Decimal(7).formatted(.currency(code: currency).locale(locale).precision(.fractionLength(0))))
    }

    // MARK: Dates

    /// How much of a date to show.
    public enum DateLength: Sendable { case long, medium, short }

    /// A date: long `23 августа 2024 г.`, medium `23 авг. 2024 г.`, short `23.08.2024`.
    public func date(_ date: CivilDate, _ length: DateLength = .long) -> String {
        let style: Date.FormatStyle.DateStyle = switch length {
        case .long: .long
        case .medium: .abbreviated
        case .short: .numeric
        }
        return normalise(date.utcMidnight.formatted(
            Date.FormatStyle(date: style, time: .omitted, locale: locale, calendar: calendar, timeZone: calendar.timeZone)))
    }

    /// Two dates as a range the way the language writes one (`22–23 August 2024`,
    /// `22–23 августа 2024 г.`); one date when they are the same day.
    public func dateRange(_ from: CivilDate, _ through: CivilDate) -> String {
        guard from != through else { return date(from) }
        let style = Date.IntervalFormatStyle(date: .long, time: .omitted, locale: locale, calendar: calendar, timeZone: calendar.timeZone)
        return normalise((from.utcMidnight..<through.utcMidnight).formatted(style))
    }

    /// A date and time in a time zone, for "generated at" lines: `August 23, 2024 at 8:00 AM`,
    /// `23 августа 2024 г. в 8:00`, `23 avqust 2024 8:00`.
    ///
    /// ICU joins a long date and a time with the language's "at time" pattern. The ICU data of
    /// Foundation on Linux has none for Azerbaijani and falls back to English "at"; there the two
    /// are joined with CLDR's Azerbaijani date-time pattern, `{1} {0}` (date, space, time).
    public func dateTime(_ instant: Date, timeZone: TimeZone) -> String {
        var calendar = self.calendar
        calendar.timeZone = timeZone
        func formatted(_ date: Date.FormatStyle.DateStyle, _ time: Date.FormatStyle.TimeStyle) -> String {
            normalise(instant.formatted(Date.FormatStyle(date: date, time: time, locale: locale, calendar: calendar,
                                                         timeZone: timeZone)))
        }
        guard language == .azerbaijani else { return formatted(.long, .shortened) }
        return formatted(.long, .omitted) + " " + formatted(.omitted, .shortened)
    }

    /// The stand-alone month name (`August`, `avgust`, `август`).
    public func monthName(_ month: Int) -> String {
        guard let date = CivilDate(year: 2024, month: month, day: 1) else { return String(month) }
        return normalise(date.utcMidnight.formatted(
            Date.FormatStyle(locale: locale, calendar: calendar, timeZone: calendar.timeZone).month(.wide)))
    }

    /// The weekday name of a date (`Thursday`, `payshanba`, `четверг`).
    public func weekdayName(_ date: CivilDate) -> String {
        normalise(date.utcMidnight.formatted(
            Date.FormatStyle(locale: locale, calendar: calendar, timeZone: calendar.timeZone).weekday(.wide)))
    }

    /// A year as it stands before the language's word for "year" in period names: Azerbaijani
    /// adds the ordinal suffix chosen by vowel harmony with the last number word (`2025-ci il`,
    /// `2024-cü il`, `2030-cu il`); the other languages' patterns carry the word, so the number is bare.
    public func yearBeforeNoun(_ year: Int) -> String {
        guard language == .azerbaijani else { return String(year) }
        return "\(year)-\(Self.azerbaijaniOrdinalSuffix(year))"
    }

    /// `ci cı cu cü` after a number, by the last vowel of its last number word (bir, iki, üç,
    /// dörd, beş, altı, yeddi, səkkiz, doqquz; on, iyirmi, otuz, qırx, əlli, altmış, yetmiş,
    /// səksən, doxsan; yüz; min).
    static func azerbaijaniOrdinalSuffix(_ number: Int) -> String {
        let units = ["", "ci", "ci", "cü", "cü", "ci", "cı", "ci", "ci", "cu"]
        let tens = ["", "cu", "ci", "cu", "cı", "ci", "cı", "ci", "ci", "cı"]
        if number % 10 != 0 { return units[number % 10] }
        if number % 100 != 0 { return tens[(number / 10) % 10] }
        if number % 1000 != 0 { return "cü" }   // yüz
        return "ci"                              // min
    }

    // MARK: Names

    /// The CLDR name of an ISO 3166-1 alpha-2 country (`Oʻzbekiston`, `Azərbaycan`, `Узбекистан`).
    public func countryName(_ code: String) -> String {
        normalise(locale.localizedString(forRegionCode: code.uppercased()) ?? code.uppercased())
    }

    /// Whether CLDR knows a region code (used by validation to reject unknown countries).
    public static func isKnownCountry(_ code: String) -> Bool {
        isCapitals(code, count: 2) && knownCountries.contains(code)
    }

    /// CLDR's region and currency codes, listed once: `isoRegions` builds a new array per call,
    /// and validation asks once per country and amount of every record.
    private static let knownCountries = Set(Locale.Region.isoRegions.map(\.identifier))
    private static let knownCurrencies = Set(Locale.Currency.isoCurrencies.map(\.identifier))

    /// Whether `code` is exactly `count` ASCII capitals, the shape of ISO country and currency codes.
    private static func isCapitals(_ code: String, count: Int) -> Bool {
        code.utf8.count == count && code.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }

    /// Whether a code is an ISO 4217 currency known to CLDR.
    public static func isKnownCurrency(_ code: String) -> Bool {
        isCapitals(code, count: 3) && knownCurrencies.contains(code)
    }

    /// Fixes the few places where CLDR's Uzbek Latin data uses U+2018 for the letter modifier U+02BB.
    func normalise(_ text: String) -> String {
        guard language == .uzbekLatin, text.contains("\u{2018}") else { return text }
        var result = ""
        var previous: Character?
        for character in text {
            if character == "\u{2018}", let p = previous, "oOgG".contains(p) { result.append("\u{02BB}") }
            else { result.append(character) }
            previous = character
        }
        return result
    }
}
