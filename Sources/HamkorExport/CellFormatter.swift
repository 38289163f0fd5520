import Foundation
import HamkorCore
import HamkorLocalization

/// Turns typed cells into the strings a reader sees, through the language's ICU formats.
///
/// integer → grouped integer (`2 134`); decimal → its fraction digits; money → currency format
/// (no fraction digits for whole amounts, two otherwise); percent → percentage with the column's
/// fraction digits (one when unknown); date → long, medium or short date; year → plain digits,
/// never grouped (`2024`); coded → its label; text as is; empty → "".
public struct CellFormatter: Sendable {
    public var locale: ReportLocale
    /// How dates are written.
    public var dateLength: ReportLocale.DateLength

    public init(locale: ReportLocale, dateLength: ReportLocale.DateLength = .table) {
        self.locale = locale
        self.dateLength = dateLength
    }

    /// The display string of a cell; `column` supplies the percent digits when known.
    public func string(for value: CellValue, column: ColumnType? = nil) -> String {
        switch value {
        case .empty: return ""
        case .text(let text): return text
        case .integer(let value): return locale.integer(value)
        case .decimal(let value, let digits): return locale.decimal(value, fractionDigits: max(0, digits))
        case .money(let money):
            return locale.money(money.amount, currency: money.currency, fractionDigits: Self.moneyDigits(money.amount))
        case .percent(let fraction): return locale.percent(fraction, fractionDigits: Self.percentDigits(fraction, column: column))
        case .date(let date): return locale.date(date, dateLength)
        case .year(let year): return String(year)
        case .coded(_, let label): return label
        }
    }

    /// The display string of a total-row cell (`label` is the total row's label).
    public func string(for cell: TotalCell, label: String, column: ColumnType? = nil) -> String {
        switch cell {
        case .none: ""
        case .label: label
        case .sum(let value), .value(let value): string(for: value, column: column)
        }
    }

    /// A bare number (a chart value) formatted as the column it comes from would show it.
    public func string(forNumber value: Decimal, column: ColumnType?) -> String {
        switch column {
        case .integer?: return locale.decimal(value, fractionDigits: 0)
        case .decimal(let digits)?: return locale.decimal(value, fractionDigits: max(0, digits))
        case .money(let currency?)?: return locale.money(value, currency: currency, fractionDigits: Self.moneyDigits(value))
        case .percent?: return locale.percent(value, fractionDigits: Self.percentDigits(value, column: column))
        case .year?: return MachineNumber.string(value, fractionDigits: 0)
        case .money(nil)?, .text?, .identifier?, .date?, .country?, .code?, nil:
            return locale.decimal(value, fractionDigits: Self.scale(of: value) == 0 ? 0 : 2)
        }
    }

    static func moneyDigits(_ amount: Decimal) -> Int {
        scale(of: amount) == 0 ? 0 : 2
    }

    static func percentDigits(_ fraction: Decimal, column: ColumnType?) -> Int {
        if case .percent(let digits)? = column { return max(0, digits) }
        return min(2, max(1, scale(of: fraction) - 2))
    }

    /// Digits after the mark in the value's shortest exact form.
    static func scale(of value: Decimal) -> Int {
        let text = MachineNumber.string(value, fractionDigits: nil)
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }
}
