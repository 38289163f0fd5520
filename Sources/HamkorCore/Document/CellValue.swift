import Foundation
import HamkorLocalization

/// A typed value in a table cell or key figure. Exporters format it for the language; they
/// never parse text back into numbers.
public enum CellValue: Sendable, Equatable, Hashable {
    case empty
    /// Text from the data or the catalogs; always written as text, never as a formula.
    case text(String)
    case integer(Int)
    /// A decimal with the number of fraction digits to show.
    case decimal(Decimal, fractionDigits: Int)
    case money(Money)
    /// A fraction (`0.253` is 25.3 %), already rounded to what is displayed.
    case percent(Decimal)
    case date(CivilDate)
    case year(Int)
    /// A code shown as its translated name (`sector` `energy` → "Энергетика"; country `UZ` → "Узбекистан").
    case coded(code: String, label: String)

    /// The number behind a numeric cell, for sums and charts; `nil` for text-like cells.
    public var numericValue: Decimal? {
        switch self {
        case .integer(let value), .year(let value): Decimal(value)
        case .decimal(let value, _): value
        case .money(let money): money.amount
        case .percent(let value): value
        case .date(let date): Decimal(date.excelSerial)
        case .empty, .text, .coded: nil
        }
    }

    /// The cell without its sign (a fall of 3.1 % is written "fell by 3.1 %"); other cells as they are.
    public var magnitude: CellValue {
        switch self {
        case .integer(let value): .integer(abs(value))
        case .decimal(let value, let digits): .decimal(abs(value), fractionDigits: digits)
        case .money(let money): .money(Money(amount: abs(money.amount), currency: money.currency))
        case .percent(let value): .percent(abs(value))
        default: self
        }
    }
}
