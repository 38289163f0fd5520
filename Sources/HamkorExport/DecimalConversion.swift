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
}
