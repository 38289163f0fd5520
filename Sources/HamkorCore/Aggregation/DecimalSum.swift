import Foundation

/// Adds up `Decimal`s exactly, many times faster than `Decimal.+=` for amounts as data holds them.
///
/// Values whose significand fits 64 bits are kept as one 128-bit integer count of the smallest
/// power of ten seen so far; anything else (a huge significand, a sum beyond 10³⁶, exponents too
/// far apart, NaN) goes through `Decimal` arithmetic as before. The result equals what `+=` over
/// the same values gives, since both are exact within 36 digits.
struct DecimalSum {
    /// The fast part of the sum: `scaled × 10^exponent` (while `scaled` is 0, any exponent will do).
    private var scaled: Int128 = 0
    private var exponent = 0
    /// The part of the sum added with `Decimal` arithmetic.
    private var rest = Decimal(0)

    /// |scaled| stays below this, so the sum converts to `Decimal` exactly.
    private static let limit: Int128 = power(36)
    private static let powers: [Int128] = (0...36).map(power)

    private static func power(_ n: Int) -> Int128 {
        var value: Int128 = 1
        for _ in 0..<n { value *= 10 }
        return value
    }

    init() {}

    mutating func add(_ value: Decimal) {
        guard !value.isNaN, let significand = Self.smallSignificand(value) else {
            rest += value
            return
        }
        add(significand, negative: value.sign == .minus, exponent: value.exponent) { value }
    }

    /// Adds `significand × 10^exponent`, negated when `negative` — the `Decimal` `value()` gives
    /// (asked for only when the sum cannot hold the term as an integer). The very same as
    /// ``add(_:)`` of that `Decimal`, whose significand must be below 10¹⁸, without reading it
    /// out of a `Decimal`: how sums over ``ProjectColumns`` add amounts.
    mutating func add(significand: UInt64, negative: Bool, exponent: Int, exactly value: () -> Decimal) {
        precondition(significand < Self.smallLimit, "significand too large for the integer path")
        add(significand, negative: negative, exponent: exponent, value)
    }

    /// Significands below this take ``add(significand:negative:exponent:exactly:)``.
    static let smallLimit: UInt64 = 1_000_000_000_000_000_000

    private mutating func add(_ significand: UInt64, negative: Bool, exponent valueExponent: Int, _ value: () -> Decimal) {
        if significand == 0 { return }
        let signed = negative ? -Int128(significand) : Int128(significand)
        if scaled == 0 {
            scaled = signed
            exponent = valueExponent
            return
        }
        if valueExponent < exponent {
            // Rescale the running sum down to the new, smaller exponent.
            let shift = exponent - valueExponent
            guard shift <= 36, let rescaled = Self.multiply(scaled, Self.powers[shift]) else { return flushAndRestart(value()) }
            scaled = rescaled
            exponent = valueExponent
        }
        let shift = valueExponent - exponent
        guard shift <= 36, let term = Self.multiply(signed, Self.powers[shift]) else {
            rest += value()
            return
        }
        let (sum, overflow) = scaled.addingReportingOverflow(term)
        guard !overflow, sum > -Self.limit, sum < Self.limit else {
            rest += value()
            return
        }
        scaled = sum
    }

    /// The exact sum.
    var value: Decimal {
        scaled == 0 ? rest : rest + Self.decimal(scaled, exponent: exponent)
    }

    /// Moves the fast part into `rest` and starts it again at `value`.
    private mutating func flushAndRestart(_ value: Decimal) {
        rest += Self.decimal(scaled, exponent: exponent)
        scaled = 0
        add(value)
    }

    /// `value`'s significand when it is below 10¹⁹ (so `UInt64` holds it exactly).
    private static func smallSignificand(_ value: Decimal) -> UInt64? {
        let significand = value.significand
        let number = NSDecimalNumber(decimal: significand)
        guard number.doubleValue < 1e19 else { return nil }
        return number.uint64Value
    }

    private static func multiply(_ a: Int128, _ b: Int128) -> Int128? {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow || product <= -limit || product >= limit ? nil : product
    }

    /// `scaled × 10^exponent` as a `Decimal`, exactly (|scaled| < 10³⁶: two 18-digit halves).
    private static func decimal(_ scaled: Int128, exponent: Int) -> Decimal {
        let magnitude = scaled.magnitude
        let split = UInt128(powers[18])
        let high = UInt64(magnitude / split), low = UInt64(magnitude % split)
        let sign: FloatingPointSign = scaled < 0 ? .minus : .plus
        return Decimal(sign: sign, exponent: exponent + 18, significand: Decimal(high))
            + Decimal(sign: sign, exponent: exponent, significand: Decimal(low))
    }
}
