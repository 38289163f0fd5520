import Foundation

/// Exact numbers as integers on one scale — each significand times the power of ten that
/// brings its exponent down to the smallest among them — so that they compare as integers in
/// exactly the order of the numbers themselves.
struct ScaledKeys {
    /// The numbers' keys, in their order.
    let keys: [Int64]

    /// `nil` when a number is not a significand below ``DecimalSum/smallLimit`` (see
    /// ``ProjectColumns/parts(_:)``) or its key would not fit in 64 bits.
    init?(_ numbers: [Decimal]) {
        self.init(count: numbers.count) { ProjectColumns.parts(numbers[$0]) }
    }

    /// The keys of `count` numbers given as their parts (`nil` for a number that has none).
    init?(count: Int, parts part: (Int) -> (significand: UInt64, negative: Bool, exponent: Int)?) {
        var parts: [(significand: UInt64, negative: Bool, exponent: Int)] = []
        parts.reserveCapacity(count)
        var smallest = Int.max
        for index in 0..<count {
            guard let part = part(index) else { return nil }
            parts.append(part)
            if part.significand != 0 { smallest = min(smallest, part.exponent) }
        }
        var keys: [Int64] = []
        keys.reserveCapacity(parts.count)
        for part in parts {
            var key = Int64(part.significand)
            if part.significand != 0 {
                for _ in 0..<(part.exponent - smallest) {
                    let (product, overflow) = key.multipliedReportingOverflow(by: 10)
                    if overflow { return nil }
                    key = product
                }
            }
            keys.append(part.negative ? -key : key)
        }
        self.keys = keys
    }
}
