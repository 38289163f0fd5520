import Foundation
import HamkorCore
import HamkorExport

/// How a typed value is written: as text, or as a number with one number format.
enum ValueKind: Hashable {
    case empty
    case text
    case integer
    case decimal(fractionDigits: Int)
    case money(currency: String, fractionDigits: Int)
    case percent(fractionDigits: Int)
    case date
    case year

    /// The kind of `value`; `percentDigits` and `moneyDigits` come from its column when it has one.
    init(_ value: CellValue, percentDigits: Int, moneyDigits: Int?) {
        switch value {
        case .empty: self = .empty
        case .text, .coded: self = .text
        case .integer: self = .integer
        case .decimal(_, let digits): self = .decimal(fractionDigits: digits)
        case .money(let money):
            self = .money(currency: money.currency, fractionDigits: moneyDigits ?? (Self.isIntegral(money.amount) ? 0 : 2))
        case .percent: self = .percent(fractionDigits: percentDigits)
        case .date: self = .date
        case .year: self = .year
        }
    }

    /// Whether a decimal has no fraction.
    static func isIntegral(_ value: Decimal) -> Bool {
        DecimalConversion.isIntegral(value)
    }
}
