import Foundation

/// Parses plainly written decimal numbers exactly: `450000000`, `-12.5`, `"1200.00"`.
///
/// Exponents, `NaN`, `inf`, grouping separators and more than 30 significant digits are
/// refused with a message, so no value is silently rounded.
enum DecimalParser {
    static func parse(_ raw: String, onError: (String) -> Void) -> Decimal? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let lowered = text.lowercased()
        if ["nan", ".nan", "inf", "+inf", "-inf", ".inf", "-.inf", "+.inf", "infinity", "-infinity"].contains(lowered) {
            onError("'\(text)' is not a number; write an amount such as 450000000")
            return nil
        }
        var digits = 0
        var sawPoint = false
        for (offset, character) in text.enumerated() {
            if character.isASCII && character.isNumber { digits += 1; continue }
            if character == "." && !sawPoint { sawPoint = true; continue }
            if (character == "-" || character == "+") && offset == 0 { continue }
            if character == "e" || character == "E" {
                onError("'\(text.prefix(40))' uses an exponent; write the amount out in full")
            } else if character == "," || character == " " || character == "\u{00A0}" {
                onError("'\(text.prefix(40))' has a grouping separator; write the amount without separators, with '.' as the decimal mark")
            } else {
                onError("expected a number, found '\(text.prefix(40))'")
            }
            return nil
        }
        guard digits > 0 else {
            onError("expected a number, found '\(text.prefix(40))'")
            return nil
        }
        let significant = text.filter(\.isNumber).drop(while: { $0 == "0" }).count
        if significant > DatasetLimits.maxSignificantDigits {
            onError("'\(text.prefix(48))' has \(significant) significant digits; at most \(DatasetLimits.maxSignificantDigits) are kept exactly")
            return nil
        }
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            onError("expected a number, found '\(text.prefix(40))'")
            return nil
        }
        return value
    }
}
