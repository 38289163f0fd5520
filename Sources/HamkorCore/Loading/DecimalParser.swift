import Foundation

/// Parses plainly written decimal numbers exactly: `450000000`, `-12.5`, `"1200.00"`.
///
/// Exponents, `NaN`, `inf`, grouping separators and more than 30 significant digits are
/// refused with a message, so no value is silently rounded.
public enum DecimalParser {
    public static func parse(_ raw: String, onError: (String) -> Void) -> Decimal? {
        if let value = plainValue(raw.utf8) { return value }
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
                onError("'\(TerminalText.excerpt(text, 40))' uses an exponent; write the amount out in full")
            } else if character == "," || character == " " || character == "\u{00A0}" {
                onError("'\(TerminalText.excerpt(text, 40))' has a grouping separator; write the amount without separators, with '.' as the decimal mark")
            } else {
                onError("expected a number, found '\(TerminalText.excerpt(text, 40))'")
            }
            return nil
        }
        guard digits > 0 else {
            onError("expected a number, found '\(TerminalText.excerpt(text, 40))'")
            return nil
        }
        let significant = text.filter(\.isNumber).drop(while: { $0 == "0" }).count
        if significant > DatasetLimits.maxSignificantDigits {
            onError("'\(TerminalText.excerpt(text, 48))' has \(significant) significant digits; at most \(DatasetLimits.maxSignificantDigits) are kept exactly")
            return nil
        }
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            onError("expected a number, found '\(TerminalText.excerpt(text, 40))'")
            return nil
        }
        return value
    }

    /// The common case without Foundation's parser: an optional sign, ASCII digits and at most
    /// one `.`, 19 digits at most (so a `UInt64` holds them). `nil` sends anything else, and
    /// every error, through the full checks above. Also read straight from a CSV field's bytes.
    static func plainValue(_ text: some Collection<UInt8>) -> Decimal? {
        var significand: UInt64 = 0
        var digits = 0, fractionDigits = 0
        var sawPoint = false, negative = false
        for (offset, byte) in text.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                guard digits <= 19 else { return nil }
                significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
                if sawPoint { fractionDigits += 1 }
            case UInt8(ascii: ".") where !sawPoint:
                sawPoint = true
            case UInt8(ascii: "-") where offset == 0:
                negative = true
            case UInt8(ascii: "+") where offset == 0:
                break
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        // A zero is plain zero: a negative sign on a zero significand would make NaN.
        if significand == 0 { return Decimal(0) }
        return Decimal(sign: negative ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(significand))
    }
}
