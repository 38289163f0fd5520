import Foundation
import HamkorLocalization

/// Excel number-format codes for one report language.
///
/// Grouping and decimal marks in a format code are always `,` and `.`; Excel shows them in the
/// reader's own marks. What the language decides is the currency symbol and its side, and the
/// order and separators of a short date, both taken from the ``ReportLocale`` (CLDR).
struct NumberFormats {
    /// A short date, such as `dd\.mm\.yyyy` (ru, az) or `m\/d\/yyyy` (en).
    let date: String
    private let locale: ReportLocale
    private var moneyCodes: [String: String] = [:]

    init(locale: ReportLocale) {
        self.locale = locale
        self.date = Self.dateCode(locale: locale)
    }

    /// `#,##0`.
    static let integer = "#,##0"
    /// `0`: years are not grouped.
    static let year = "0"

    /// `#,##0.00` with `fractionDigits` digits.
    static func decimal(_ fractionDigits: Int) -> String {
        fractionDigits > 0 ? "#,##0." + String(repeating: "0", count: min(fractionDigits, 15)) : integer
    }

    /// A percentage with `fractionDigits` digits, the sign on the language's side and spaced as
    /// the language spaces it, as in the text and CSV outputs: `0.0%` (en), `0.0" "%` (ru), `%0.0` (tr).
    func percent(_ fractionDigits: Int) -> String {
        let number = fractionDigits > 0 ? "0." + String(repeating: "0", count: min(fractionDigits, 15)) : "0"
        let probe = locale.percent(Decimal(string: "0.07")!, fractionDigits: 0)
        guard let digit = probe.firstIndex(of: "7") else { return number + "%" }
        func code(_ side: Substring) -> String {
            // Every character but the sign is a quoted literal; the bare `%` makes Excel scale by 100.
            side.split(separator: "%", omittingEmptySubsequences: false).map { part in
                part.isEmpty ? "" : "\"" + part.replacingOccurrences(of: "\"", with: "") + "\""
            }.joined(separator: "%")
        }
        return code(probe[..<digit]) + number + code(probe[probe.index(after: digit)...])
    }

    /// Money in `currency`, with the language's symbol on the language's side: `"$"#,##0`, `#,##0" ₽"`.
    func money(_ currency: String, fractionDigits: Int) -> String {
        let number = Self.decimal(fractionDigits)
        let probe = locale.money(7, currency: currency, fractionDigits: 0)
        let symbol = locale.currencySymbol(currency)
        guard !symbol.isEmpty, let digit = probe.firstIndex(of: "7") else { return number }
        let before = String(probe[..<digit]).replacingOccurrences(of: "-", with: "")
        let after = String(probe[probe.index(after: digit)...])
        func quoted(_ text: String) -> String {
            let clean = text.replacingOccurrences(of: "\"", with: "")
            return clean.isEmpty ? "" : "\"" + clean + "\""
        }
        if before.contains(symbol) { return quoted(before) + number }
        if after.contains(symbol) { return number + quoted(after) }
        return number + quoted(" " + symbol)
    }

    /// Builds the date code from the language's numeric date for 5 January 2033: each run of
    /// digits becomes a day, month or year field, every other character a literal.
    private static func dateCode(locale: ReportLocale) -> String {
        guard let probe = CivilDate(year: 2033, month: 1, day: 5) else { return "yyyy-mm-dd" }
        let text = locale.date(probe, .table)
        var code = ""
        var digits = ""
        var fields = 0
        func flush() {
            guard !digits.isEmpty else { return }
            switch digits {
            case "2033": code += "yyyy"
            case "33": code += "yy"
            case "05": code += "dd"
            case "5": code += "d"
            case "01": code += "mm"
            case "1": code += "m"
            default: code += digits
            }
            fields += 1
            digits = ""
        }
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else {
                flush()
                if character.isLetter { code += "\"\(character)\"" }
                else if character.isWhitespace { code += " " }
                else { code += "\\\(character)" }
            }
        }
        flush()
        return fields == 3 && code.contains("yy") ? code : "yyyy-mm-dd"
    }
}
