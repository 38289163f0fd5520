import Foundation

/// Shares of a total, each rounded on its own to a tenth of a percent, as statistics offices
/// publish them: equal values always show equal shares, and the total is printed as 100 %
/// even when the rounded parts add up to 99.9 or 100.1 (``addUp`` says so, for a note).
public struct RoundedShares: Sendable {
    /// Each value's fraction of the total, rounded half away from zero to `fractionDigits` digits of a percent.
    public let values: [Decimal]
    /// Whether the rounded shares add up to exactly the whole.
    public let addUp: Bool

    public init(of amounts: [Decimal], fractionDigits: Int = 1) {
        let total = amounts.reduce(0, +)
        guard total > 0 else {
            values = amounts.map { _ in 0 }
            addUp = true
            return
        }
        values = amounts.map { amount in
            var exact = amount / total, rounded = Decimal()
            NSDecimalRound(&rounded, &exact, fractionDigits + 2, .plain)
            return rounded
        }
        addUp = values.reduce(0, +) == 1
    }
}
