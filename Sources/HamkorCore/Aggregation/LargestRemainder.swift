import Foundation

/// Rounds shares so that, as displayed, they add up to exactly 100 % (Hamilton's method).
public enum LargestRemainder {
    /// Fractions of `total` for each value, rounded to `fractionDigits` digits of a percent,
    /// adjusted so their sum is exactly 1. Ties in the remainder go to the earlier value.
    public static func shares(of values: [Decimal], fractionDigits: Int = 1) -> [Decimal] {
        let total = values.reduce(0, +)
        guard total > 0 else { return values.map { _ in 0 } }
        var unit = Decimal(100)
        for _ in 0..<fractionDigits { unit *= 10 }  // units per whole: 1000 for 0.1 %
        let exact = values.map { $0 / total * unit }
        var floors = exact.map { value -> Decimal in
            var value = value, result = Decimal()
            NSDecimalRound(&result, &value, 0, .down)
            return result
        }
        var missing = unit - floors.reduce(0, +)
        let order = exact.indices.sorted { a, b in
            let ra = exact[a] - floors[a], rb = exact[b] - floors[b]
            return ra != rb ? ra > rb : a < b
        }
        for index in order where missing > 0 {
            floors[index] += 1
            missing -= 1
        }
        return floors.map { $0 / unit }
    }
}
