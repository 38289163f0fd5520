import Foundation
import HamkorCore
import HamkorWorkbook

/// Turns workbook cells into the plain text flat records hold, by the field's kind: amounts as
/// plain decimals (scaled by the unit), years from numbers, dates or text, codes and countries
/// through their names in any language. A cell that cannot be read throws a message for its cell.
struct CellText {
    let names: ValueNames
    let valueMaps: [String: [String: String]]
    let decimalMark: Character
    let uses1904: Bool

    struct Failure: Error { var message: String }

    func text(_ value: SheetValue, field: RecordSchema.Column, unit: RegisterUnit?) throws(Failure) -> String {
        if case .error(let code) = value {
            throw Failure(message: "the cell holds the error \(TerminalText.excerpt(code, 20)); correct it in the workbook")
        }
        if let mapped = valueMaps[field.name], case .text(let text) = value, let target = mapped[HeaderText.normalize(text)] {
            return target
        }
        switch field.type {
        case .decimal, .money:
            return try amount(value, unit: unit)
        case .year, .period:
            // A period cell is most often a year (`2024`, `2024 г.`); `2024-Q3` passes through.
            return try year(value)
        case .code(let list):
            let text = plain(value)
            return names.code(text, in: list) ?? text
        case .country:
            let text = plain(value)
            return names.country(text) ?? text
        case .countries:
            let text = plain(value)
            if let whole = names.country(text) { return whole }
            return text.split(whereSeparator: { ",;|/\n".contains($0) }).map {
                let part = $0.trimmingCharacters(in: .whitespaces)
                return names.country(part) ?? part
            }.joined(separator: "|")
        case .flag:
            let text = plain(value)
            return ValueNames.flags[HeaderText.normalize(text)] ?? text
        case .currency:
            let text = plain(value)
            return RegisterUnit(text)?.currency ?? text
        case .identifier, .text, .plain, .place, .places, .date:
            return plain(value)
        }
    }

    /// Text as a person reads the cell: line breaks in text become spaces; numbers are written
    /// plainly (`17`, not `17.0`); dates as ISO 8601.
    func plain(_ value: SheetValue) -> String {
        switch value {
        case .text(let text):
            guard text.contains(where: { $0 == "\n" || $0 == "\r" }) else { return text }
            return text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        case .number(let raw, let isDate):
            if isDate, let serial = Double(raw), let date = ExcelDate.civil(serial: serial, uses1904: uses1904) {
                return String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
            }
            return Self.excelDecimal(raw).map { "\($0)" } ?? raw
        case .bool(let flag):
            return flag ? "true" : "false"
        case .error(let code):
            return code
        }
    }

    private func year(_ value: SheetValue) throws(Failure) -> String {
        switch value {
        case .number(let raw, let isDate):
            if isDate, let serial = Double(raw), let date = ExcelDate.civil(serial: serial, uses1904: uses1904) { return String(date.year) }
            return plain(value)
        case .text(let text):
            // `2024`, `2024 г.`, `2024-yil`, `2024 il`: the leading four digits.
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
            if digits.count == 4, trimmed.dropFirst(4).first.map({ !$0.isNumber }) ?? true { return String(digits) }
            return trimmed
        default:
            return plain(value)
        }
    }

    private func amount(_ value: SheetValue, unit: RegisterUnit?) throws(Failure) -> String {
        let number: Decimal
        switch value {
        case .number(let raw, _):
            guard let parsed = Self.excelDecimal(raw) else { throw Failure(message: "expected a number, found '\(TerminalText.excerpt(raw, 40))'") }
            number = parsed
        case .text(let text):
            number = try Self.textDecimal(text, decimalMark: decimalMark)
        case .bool:
            throw Failure(message: "expected an amount, found a true/false value")
        case .error(let code):
            throw Failure(message: "the cell holds the error \(code)")
        }
        let scaled = number * (unit?.multiplier ?? 1)
        return "\(scaled)"
    }

    /// A number as Excel stores it (`1234.5`, `1.5E+21`, `0.30000000000000004`), rounded to the
    /// 15 significant digits Excel keeps, so binary noise never reaches an exact amount.
    static func excelDecimal(_ raw: String) -> Decimal? {
        guard raw.utf8.count <= 40, let value = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN else { return nil }
        if value.isZero { return 0 }
        var input = value
        var result = Decimal()
        // Digits before the point decide how many places after it keep 15 significant digits.
        let integerPart = NSDecimalNumber(decimal: abs(value)).stringValue.prefix { $0 != "." }
        let integerDigits = integerPart == "0" ? 0 : integerPart.count
        NSDecimalRound(&result, &input, max(0, 15 - integerDigits), .plain)
        return result
    }

    /// A number written as text the way people type it in a register: `1 234,5`, `1.234,5`,
    /// `1,234.5`, `12 345 678`. Spaces (also no-break and thin) and apostrophes group digits;
    /// with both `,` and `.`, the last is the decimal mark; with one of them alone, the
    /// profile's `decimalMark` decides, unless it appears more than once (then it groups).
    static func textDecimal(_ text: String, decimalMark: Character) throws(Failure) -> Decimal {
        var cleaned = ""
        for character in text where !" \u{00A0}\u{202F}\u{2009}'’".contains(character) { cleaned.append(character) }
        let commas = cleaned.filter { $0 == "," }.count, points = cleaned.filter { $0 == "." }.count
        var mark: Character?
        if commas > 0 && points > 0 {
            mark = cleaned.lastIndex(of: ",")! > cleaned.lastIndex(of: ".")! ? "," : "."
        } else if commas == 1 || points == 1 {
            let only: Character = commas == 1 ? "," : "."
            mark = only == decimalMark ? only : nil
        }
        var plain = ""
        for character in cleaned {
            if character == mark { plain.append(".") } else if character != "," && character != "." { plain.append(character) }
        }
        var message: String?
        let parsed = DecimalParser.parse(plain) { message = $0 }
        guard let parsed else {
            throw Failure(message: message.map { _ in "expected a number, found '\(TerminalText.excerpt(text, 40))'" } ?? "expected a number, found '\(TerminalText.excerpt(text, 40))'")
        }
        return parsed
    }
}
