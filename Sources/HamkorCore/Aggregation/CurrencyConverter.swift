import Foundation

/// Converts money into a report's currency with the rates the dataset itself provides, and
/// nothing else: an amount with no rate stays in its own currency.
struct CurrencyConverter: Sendable {
    let target: String
    private var rates: [String: Decimal] = [:]

    init(target: String, rates: [ExchangeRate]) {
        self.target = target
        // The latest-dated rate wins for each direction; inverse rates are derived.
        for rate in rates.sorted(by: { ($0.date?.iso ?? "") < ($1.date?.iso ?? "") }) {
            if rate.to == target { self.rates[rate.from] = rate.rate }
            else if rate.from == target, rate.rate != 0, self.rates[rate.to] == nil { self.rates[rate.to] = 1 / rate.rate }
        }
    }

    /// The amount in the target currency, or unchanged when no rate is known.
    func convert(_ money: Money) -> Money {
        if money.currency == target { return money }
        guard let rate = rates[money.currency] else { return money }
        var product = money.amount * rate, rounded = Decimal()
        NSDecimalRound(&rounded, &product, 2, .bankers)
        return Money(amount: rounded, currency: target)
    }
}
