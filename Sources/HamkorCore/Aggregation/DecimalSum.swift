import Foundation

/// Adds up `Decimal`s exactly, many times faster than `Decimal.+=` for amounts as data holds them,
/// and knows when it could not: ``isExact``.
///
/// Values whose significand fits 64 bits are kept as one 128-bit integer count of the smallest
/// power of ten seen so far; anything else (a huge significand, a sum beyond 10³⁶, exponents too
/// far apart, NaN) goes through `Decimal` arithmetic. That is exact only while every partial sum
/// fits `Decimal`'s significand, ``maxDigits`` decimal digits: a 30-digit amount plus one with 30
/// decimals needs 60, and `Decimal` would round the small part away without a word.
struct DecimalSum {
    /// The significant digits a sum may need: `Decimal` keeps a 128-bit significand, which holds
    /// every 38-digit number (10³⁸ − 1 < 2¹²⁸) and not every 39-digit one.
    static let maxDigits = 38

    /// The fast part of the sum: `scaled × 10^exponent` (while `scaled` is 0, any exponent will do).
    private var scaled: Int128 = 0
    private var exponent = 0
    /// The part of the sum added with `Decimal` arithmetic.
    private var rest = Decimal(0)
    /// Whether anything went through `rest`; the fast part alone is exact by construction.
    private var usedRest = false
    /// The lowest power of ten among the nonzero values added (their smallest exponent).
    private var lowest = Int.max
    /// The highest power of ten of any value added to `rest` or of `rest` itself along the way.
    private var highest = Int.min

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
            addToRest(value)
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
        if valueExponent < lowest { lowest = valueExponent }
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
            addToRest(value())
            return
        }
        let (sum, overflow) = scaled.addingReportingOverflow(term)
        guard !overflow, sum > -Self.limit, sum < Self.limit else {
            addToRest(value())
            return
        }
        scaled = sum
    }

    /// The sum: exact when ``isExact``, otherwise rounded to ``maxDigits`` digits by `Decimal`.
    var value: Decimal {
        scaled == 0 ? rest : rest + Self.decimal(scaled, exponent: exponent)
    }

    /// The significant digits the exact sum may need: from the highest power of ten of any value,
    /// partial sum or the result down to the lowest of any value added (an upper bound).
    var digits: Int {
        guard usedRest, lowest != .max else { return 0 }
        let top = max(highest, Self.topPower(of: value) ?? .min)
        return top == .min ? 0 : top - lowest + 1
    }

    /// Whether ``value`` is the exact sum: every partial sum fitted ``maxDigits`` digits. The
    /// fast part alone always does (it stays below 10³⁶).
    var isExact: Bool { !usedRest || digits <= Self.maxDigits }

    /// The exact sum, or a data error at `location` that names what was summed (`what`), the digits
    /// it needs and the limit; `Decimal` would round it silently.
    func exactValue(_ what: @autoclosure () -> String, at location: @autoclosure () -> SourceLocation,
                    field: String? = nil) throws -> Decimal {
        guard isExact else {
            throw DataError.invalid([DataProblem(location(), field: field,
                "\(what()) needs \(digits) significant digits (from its largest to its smallest digit); "
                + "Hamkor adds amounts exactly up to \(Self.maxDigits) digits and does not round a sum: "
                + "write the amounts with fewer decimals, or the largest ones in a larger unit")])
        }
        return value
    }

    /// Adds `value` with `Decimal` arithmetic, noting the powers of ten it and the new partial
    /// sum reach.
    private mutating func addToRest(_ value: Decimal) {
        usedRest = true
        if !value.isNaN, !value.isZero {
            lowest = min(lowest, value.exponent)
            if let top = Self.topPower(of: value) { highest = max(highest, top) }
        }
        rest += value
        if let top = Self.topPower(of: rest) { highest = max(highest, top) }
    }

    /// Moves the fast part into `rest` and starts it again at `value`.
    private mutating func flushAndRestart(_ value: Decimal) {
        addToRest(Self.decimal(scaled, exponent: exponent))
        scaled = 0
        add(value)
    }

    /// The power of ten of `value`'s leading digit (`nil` for zero or NaN).
    static func topPower(of value: Decimal) -> Int? {
        guard !value.isNaN, !value.isZero else { return nil }
        let significandDigits = NSDecimalNumber(decimal: value.significand).stringValue.utf8.count { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        return value.exponent + significandDigits - 1
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
