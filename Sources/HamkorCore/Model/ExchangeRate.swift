import Foundation
import HamkorLocalization

/// A conversion rate the data itself provides; money is converted with these and nothing else.
public struct ExchangeRate: Hashable, Sendable {
    public var from: String
    public var to: String
    /// Units of `to` per one unit of `from`.
    public var rate: Decimal
    public var date: CivilDate?
    public var location: SourceLocation

    public init(from: String, to: String, rate: Decimal, date: CivilDate?, location: SourceLocation) {
        self.from = from
        self.to = to
        self.rate = rate
        self.date = date
        self.location = location
    }
}
