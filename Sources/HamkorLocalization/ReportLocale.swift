import Foundation

/// Everything an exporter needs to write numbers, money, dates and names for one language.
///
/// Every figure goes through Foundation's ICU/CLDR formatters. Dates follow the two patterns of
/// the language's profile row (long for prose, numeric for tables) with CLDR's month names.
/// Strings from ICU are corrected only by the profile's ``LanguageProfile/CLDRFixUp``s.
public struct ReportLocale: Sendable {
    /// The report language.
    public let language: LanguageTag
    /// The ICU locale.
    public let locale: Locale
    /// Translations for this language.
    public private(set) var translator: Translator

    private let calendar: Calendar
    /// The locale whose collation orders text.
    private let collationLocale: Locale
    /// The same collation as one ICU collator, opened once (`nil` if ICU cannot open it: then
    /// every comparison goes through Foundation).
    private let collator: Collator?
    /// CLDR's month names in the format (in-date) context, January first, fixed up.
    private let monthNames: [String]
    private let fixUps: Set<LanguageProfile.CLDRFixUp>

    public init(language: LanguageTag, translator: Translator) {
        self.language = language
        self.locale = Locale(identifier: language.icuIdentifier)
        self.translator = translator
        self.fixUps = language.profile.fixUps
        self.collationLocale = Locale(identifier: language.profile.collation)
        self.collator = Collator(identifier: language.profile.collation)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        calendar.locale = locale
        self.calendar = calendar
        let formatter = DateFormatter()
        formatter.locale = locale
        formatter.calendar = calendar
        let fixUps = language.profile.fixUps
        let uzbek = language.profile.fixUps.contains(.uzbekModifierLetter)
        self.monthNames = (formatter.monthSymbols ?? []).map { name in
            Self.fixingMonth(uzbek ? Self.modifierLetters(name) : name, fixUps: fixUps)
        }
    }

    /// This locale translating through `translator` (the same language's, reporting elsewhere),
    /// its formatters and collator shared.
    public func translating(with translator: Translator) -> ReportLocale {
        precondition(translator.language == language, "a locale translates its own language")
        var copy = self
        copy.translator = translator
        return copy
    }

    // MARK: Collation

    /// The order of two texts in the report language's collation (CLDR through ICU): az `Ç`
    /// after `C`, uz `Oʻ` after `Z`, ru `Ё` with `Е`. Never the process locale.
    ///
    /// The order is Foundation's `String.compare(_:options:range:locale:)` with no options, then
    /// the texts' Unicode scalars: the shared ICU collator answers every pair it tells apart, and
    /// only pairs it deems equal go to Foundation.
    public func compare(_ a: String, _ b: String) -> ComparisonResult {
        if a == b { return .orderedSame }
        let order = collator?.compare(a, b) ?? .orderedSame
        return order != .orderedSame ? order : foundationOrder(a, b)
    }

    /// Foundation's collation of two texts, and texts it deems equal in one fixed order.
    private func foundationOrder(_ a: String, _ b: String) -> ComparisonResult {
        if a == b { return .orderedSame }
        let order = a.compare(b, options: [], range: nil, locale: collationLocale)
        return order != .orderedSame ? order : (a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? .orderedAscending : .orderedDescending)
    }

    /// Texts in the report language's collation order.
    public func sorted(_ texts: [String]) -> [String] {
        collationOrder(texts).map { texts[$0] }
    }

    /// The positions of `texts` in the order of ``compare(_:_:)``: each text is collated once
    /// (an ICU sort key), and keys compare as bytes.
    func collationOrder(_ texts: [String]) -> [Int] {
        guard let collator else {
            return texts.indices.sorted { foundationOrder(texts[$0], texts[$1]) == .orderedAscending }
        }
        let keys = collator.sortKeys(texts)
        return texts.indices.sorted { a, b in
            let order = keys.compare(a, b)
            return order == .orderedSame ? foundationOrder(texts[a], texts[b]) == .orderedAscending : order == .orderedAscending
        }
    }

    /// `positions` ordered by ``compare(_:_:)`` of their texts (`text` of each position), positions
    /// whose texts it deems equal by `tieBreak`.
    ///
    /// For the short runs of a record list's equal values: the texts are compared in place by the
    /// collator, with no sort key made, when no two of them are equal to it; otherwise the
    /// positions are ordered by their texts' ``CollationRanks``, which settle such texts as
    /// ``compare(_:_:)`` does. Both give the same order.
    public func collationOrder(_ positions: [Int], text: (Int) -> String, then tieBreak: (Int, Int) -> Bool) -> [Int] {
        let texts = positions.map(text)
        if let collator {
            let order = texts.indices.sorted { a, b in
                let order = collator.compare(texts[a], texts[b])
                return order == .orderedSame ? tieBreak(positions[a], positions[b]) : order == .orderedAscending
            }
            if !zip(order, order.dropFirst()).contains(where: { collator.compare(texts[$0], texts[$1]) == .orderedSame }) {
                return order.map { positions[$0] }
            }
        }
        let ranks = CollationRanks(texts, locale: self)
        return texts.indices.sorted { a, b in
            ranks.rank(a) != ranks.rank(b) ? ranks.rank(a) < ranks.rank(b) : tieBreak(positions[a], positions[b])
        }.map { positions[$0] }
    }

    /// ``collationOrder(_:text:then:)`` of texts held as UTF-8 (`texts`): the same order, with
    /// the bytes handed to the collator in place, and a `String` made only for a run that holds
    /// texts the collator deems equal.
    public func collationOrder(_ positions: [Int], utf8 texts: UTF8Texts, then tieBreak: (Int, Int) -> Bool) -> [Int] {
        guard let collator else { return collationOrder(positions, text: texts.text, then: tieBreak) }
        // The texts gathered into one small buffer first: every comparison then reads neighbouring
        // memory. Where each text lies is read for all of them first, then the bytes copied in
        // one more loop: both loops' reads from large columns, each a likely cache miss, are
        // independent of one another and run side by side.
        var ranges = positions.map(texts.range)
        let total = ranges.reduce(0) { $0 + $1.count }
        let gathered = [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            texts.bytes.withUnsafeBufferPointer { source in
                var offset = 0
                for index in ranges.indices {
                    let range = ranges[index]
                    if !range.isEmpty {
                        UnsafeMutableRawPointer(buffer.baseAddress! + offset)
                            .copyMemory(from: source.baseAddress! + range.lowerBound, byteCount: range.count)
                    }
                    ranges[index] = offset..<offset + range.count
                    offset += range.count
                }
            }
            count = total
        }
        // A sort compares every two texts that end up side by side (else it could not know their
        // order), so when no comparison found two texts equal, no two neighbours are.
        var sawEqual = false
        let order: [Int] = gathered.withUnsafeBufferPointer { bytes in
            func text(_ index: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[ranges[index]]) }
            return ranges.indices.sorted { a, b in
                let order = collator.compare(utf8: text(a), text(b))
                if order == .orderedSame {
                    sawEqual = true
                    return tieBreak(positions[a], positions[b])
                }
                return order == .orderedAscending
            }
        }
        guard !sawEqual else { return collationOrder(positions, text: texts.text, then: tieBreak) }
        return order.map { positions[$0] }
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
        var text = normalise(value.formatted(.number.locale(locale).notation(.compactName).precision(.fractionLength(0...1))))
        if fixUps.contains(.compactScaleSpacing), let end = text.lastIndex(where: \.isNumber),
           text.index(after: end) < text.endIndex, text[text.index(after: end)].isLetter {
            text.insert("\u{00A0}", at: text.index(after: end))
        }
        return text
    }

    /// Money in running text: the compact amount and the currency's name in the grammatical form
    /// the catalog gives (`2,1 млрд долларов США`, `2,1 mlrd AQSH dollari`), never a symbol.
    /// A currency the catalog does not name is written with its ISO code (`2,1 mlrd EUR`).
    public func proseMoney(_ value: Decimal, currency: String) throws -> String {
        var amount = compact(value)
        let words = language.profile.proseScaleWords
        if !words.isEmpty, let end = amount.lastIndex(where: \.isNumber) {
            let scale = amount[amount.index(after: end)...].trimmingCharacters(in: .whitespaces.union(["\u{00A0}"]))
            if let word = words[scale] { amount = String(amount[...end]) + "\u{00A0}" + word }
        }
        let template = try Self.currencyNames[currency].map { try translator.text("{amount} " + $0, context: Self.proseMoneyContext) }
            ?? "{amount} " + currency
        return try PlaceholderTemplate(template).render(["amount": amount])
    }

    /// The catalog context of currency names in running text.
    public static let proseMoneyContext = "money in running text"

    /// The currencies whose names in running text are catalog entries (`{amount} US dollars`).
    public static let currencyNames: [String: String] = ["USD": "US dollars", "EUR": "euros", "RUB": "Russian roubles",
                                                         "UZS": "Uzbek soʻm", "AZN": "Azerbaijani manats", "TRY": "Turkish liras"]

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

    /// Which of the language's two date styles to use.
    public enum DateLength: Sendable {
        /// The long style of running text and captions: `23 августа 2024 г.`, `2024-yil 23-avgust`.
        case prose
        /// The numeric style of every table in every format: `23.08.2024`, `2024-08-23` (en).
        case table
    }

    /// A date in one of the language's two styles (the patterns of its profile row).
    public func date(_ date: CivilDate, _ length: DateLength = .prose) -> String {
        let profile = language.profile
        return render(date, pattern: length == .prose ? profile.proseDatePattern : profile.tableDatePattern)
    }

    /// Two dates as a range in the language's prose style: one month's days share the rest of
    /// the date (`22–23 August 2024`, `22–23 августа 2024 г.`, `2024-yil 22–23-avgust`); other
    /// ranges join two full dates with a spaced en dash.
    public func dateRange(_ from: CivilDate, _ through: CivilDate) -> String {
        guard from != through else { return date(from) }
        guard from.year == through.year, from.month == through.month else { return date(from) + " – " + date(through) }
        return render(through, pattern: language.profile.proseDatePattern, days: "\(from.day)–\(through.day)")
    }

    /// Renders the pattern subset the profile uses: `d dd M MM MMMM y yyyy` and `'literal'`;
    /// `days`, when given, stands for the day (a range of days).
    private func render(_ date: CivilDate, pattern: String, days: String? = nil) -> String {
        var result = ""
        var characters = pattern[...]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        while let first = characters.first {
            if first == "'" {
                characters = characters.dropFirst()
                let literal = characters.prefix { $0 != "'" }
                result += literal
                characters = characters.dropFirst(literal.count + 1)
                continue
            }
            let run = characters.prefix { $0 == first }
            characters = characters.dropFirst(run.count)
            switch (first, run.count) {
            case ("d", 1): result += days ?? String(date.day)
            case ("d", _): result += days ?? two(date.day)
            case ("M", 1): result += String(date.month)
            case ("M", 2): result += two(date.month)
            case ("M", _): result += monthNames.indices.contains(date.month - 1) ? monthNames[date.month - 1] : String(date.month)
            case ("y", _): result += String(date.year)
            default: result += run
            }
        }
        return result
    }

    /// A date, time and zone for "generated" lines, the same in every format: the prose date,
    /// ICU's short time and the UTC offset (`23 августа 2024 г., 8:00 UTC`, `2024-yil 23-avgust, 8:00 UTC`).
    public func dateTime(_ instant: Date, timeZone: TimeZone) -> String {
        var calendar = self.calendar
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        let day = CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
        let time = normalise(instant.formatted(Date.FormatStyle(date: .omitted, time: .shortened, locale: locale,
                                                                 calendar: calendar, timeZone: timeZone)))
        let offset = timeZone.secondsFromGMT(for: instant) / 60
        let zone = offset == 0 ? "UTC"
            : "UTC" + (offset < 0 ? "−" : "+") + String(format: "%02d:%02d", abs(offset) / 60, abs(offset) % 60)
        return (day.map { date($0, .prose) } ?? "") + ", " + time + " " + zone
    }

    /// The stand-alone month name (`August`, `avgust`, `август`).
    public func monthName(_ month: Int) -> String {
        guard let date = CivilDate(year: 2024, month: month, day: 1) else { return String(month) }
        return Self.fixingMonth(normalise(date.utcMidnight.formatted(
            Date.FormatStyle(locale: locale, calendar: calendar, timeZone: calendar.timeZone).month(.wide))), fixUps: fixUps)
    }

    /// Uzbek Cyrillic month names with the soft sign of official spelling (`декабр` → `декабрь`).
    static func fixingMonth(_ name: String, fixUps: Set<LanguageProfile.CLDRFixUp>) -> String {
        guard fixUps.contains(.uzbekCyrillicMonthSoftSign) else { return name }
        let softened = ["январ": "январь", "феврал": "февраль", "апрел": "апрель", "июн": "июнь", "июл": "июль",
                        "сентябр": "сентябрь", "октябр": "октябрь", "ноябр": "ноябрь", "декабр": "декабрь"]
        let lower = name.lowercased()
        guard let fixed = softened[lower] else { return name }
        return lower == name ? fixed : fixed.prefix(1).uppercased() + fixed.dropFirst()
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
        normalise(locale.localizedString(forRegionCode: code.asciiUppercased) ?? code.asciiUppercased)
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
        guard fixUps.contains(.uzbekModifierLetter) else { return text }
        return Self.modifierLetters(text)
    }

    /// `o‘ g‘` (U+2018) written as the letters `oʻ gʻ` (U+02BB).
    static func modifierLetters(_ text: String) -> String {
        guard text.contains("\u{2018}") else { return text }
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
