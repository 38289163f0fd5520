import Foundation

/// An exact amount in an ISO 4217 currency.
public struct Money: Hashable, Sendable {
    /// The amount, exact (never binary floating point).
    public var amount: Decimal
    /// The ISO 4217 code, such as `USD`.
    public var currency: String

    public init(amount: Decimal, currency: String) {
        self.amount = amount
        self.currency = currency
    }
}
