import Foundation

/// Fast, exact-where-possible conversions of `Decimal` for writers that handle millions of
/// cells (XLSX stores doubles): no `NSDecimalNumber` allocation per value.
public enum DecimalConversion {
    /// Powers of ten that a `Double` holds exactly.
    private static let exactPowers: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { product, _ in product * 10 }
    }

    /// The nearest `Double`. A significand below 2^53 with an exponent within ±22 is converted
    /// with one correctly rounded multiplication or division of exact doubles (the fast path
    /// of a correct `strtod`); anything else goes through Foundation.
    public static func double(_ value: Decimal) -> Double {
        if let (mantissa, exponent) = MachineNumber.parts(of: value), mantissa < (1 << 53), abs(exponent) <= 22 {
            let magnitude = exponent >= 0 ? Double(mantissa) * exactPowers[exponent] : Double(mantissa) / exactPowers[-exponent]
            return value.isSignMinus ? -magnitude : magnitude
        }
        return NSDecimalNumber(decimal: value).doubleValue
    }

    /// Whether the value has no fractional part.
    public static func isIntegral(_ value: Decimal) -> Bool {
        if let (mantissa, exponent) = MachineNumber.parts(of: value) {
            if exponent >= 0 || mantissa == 0 { return true }
            guard -exponent <= 19 else { return false }
            var divisor: UInt64 = 1
            for _ in 0..<(-exponent) { divisor *= 10 }
            return mantissa % divisor == 0
        }
        var source = value, rounded = Decimal()
        NSDecimalRound(&rounded, &source, 0, .plain)
        return rounded == value
    }

    /// The significant digits a spreadsheet keeps in a number cell (a `Double`, shown to 15).
    public static let spreadsheetDigits = 15

    /// The value's significant digits (from its first to its last nonzero digit) when it has
    /// more than ``spreadsheetDigits``, else `nil`: such a value changes when a workbook stores it.
    public static func digitsBeyondSpreadsheet(_ value: Decimal) -> Int? {
        if let (mantissa, _) = MachineNumber.parts(of: value) {
            if mantissa < 1_000_000_000_000_000 { return nil }  // at most 15 digits
            var significand = mantissa
            while significand % 10 == 0 { significand /= 10 }
            let digits = String(significand).count
            return digits > spreadsheetDigits ? digits : nil
        }
        guard !value.isNaN, !value.isZero else { return nil }
        let text = NSDecimalNumber(decimal: value.significand).stringValue.filter(\.isNumber)
        let digits = text.drop { $0 == "0" }.reversed().drop { $0 == "0" }.count
        return digits > spreadsheetDigits ? digits : nil
    }
}
