import Foundation
import HamkorLocalization

/// Computes measures over a set of records, exactly.
struct Aggregate {
    let context: BuildContext

    /// The measure's value; a money sum yields one value per currency (the report's first).
    func measure(_ measure: MeasureExpression, over rows: [RecordRow]) throws -> [CellValue] {
        switch measure {
        case .count:
            return [.integer(rows.count)]
        case .distinct(let field):
            if let count = ProjectColumnGroups.distinctCount(rows, of: field) { return [.integer(count)] }
            var keys = Set<String>()
            for row in rows { for value in row.values(field) { keys.insert(value.sortKey) } }
            return [.integer(keys.count)]
        case .sum(let field), .share(.some(let field)):
            return try sum(field, over: rows)
        case .share(.none):
            return [.integer(rows.count)]
        case .change, .growth:
            return [.empty]  // needs a comparison period: see `comparison(_:current:previous:)`
        case .cagr:
            return [.empty]  // needs a range of years: see `cagr(first:last:years:)`
        case .min(let field), .max(let field):
            let values = rows.flatMap { $0.values(field) }
            let sorted = values.sorted { numeric($0) < numeric($1) }
            guard let pick = measureIsMin(measure) ? sorted.first : sorted.last else { return [.empty] }
            return [try context.cell(pick)]
        }
    }

    private func measureIsMin(_ measure: MeasureExpression) -> Bool {
        if case .min = measure { return true }
        return false
    }

    private func numeric(_ value: FieldValue) -> Decimal {
        switch value {
        case .money(let money): context.converter.convert(money).amount
        case .year(let year): Decimal(year)
        case .date(let date): Decimal(date.excelSerial)
        default: 0
        }
    }

    /// Sums per currency after conversion; the report currency comes first, then others by code.
    /// A sum `Decimal` cannot hold exactly is a data error at the record with the smallest unit.
    func sums(_ field: String, over rows: [RecordRow]) throws -> [(currency: String, amount: Decimal)] {
        if field == "value", let sum = ProjectColumnGroups.sumOfValues(rows, currency: context.definition.currency) { return sum }
        var totals: [String: DecimalSum] = [:]
        for row in rows {
            for value in row.values(field) {
                switch value {
                case .money(let money):
                    let converted = context.converter.convert(money)
                    totals[converted.currency, default: DecimalSum()].add(converted.amount)
                case .year(let year):
                    totals["", default: DecimalSum()].add(Decimal(year))
                default: break
                }
            }
        }
        var exact: [String: Decimal] = [:]
        for (currency, total) in totals {
            exact[currency] = try total.exactValue("the sum of '\(field)'\(currency.isEmpty ? "" : " in \(currency)")",
                                                  at: finestRecord(field, currency: currency, over: rows), field: field)
        }
        let target = context.definition.currency
        return exact.sorted { a, b in
            if a.key == target { return true }
            if b.key == target { return false }
            return a.key < b.key
        }.map { ($0.key, $0.value) }
    }

    private func sum(_ field: String, over rows: [RecordRow]) throws -> [CellValue] {
        cells(ofSums: try sums(field, over: rows))
    }

    /// Where the amount of `field` in `currency` with the smallest exponent is (the one whose
    /// last digits a rounded sum would lose), for the message about a sum too long to hold.
    private func finestRecord(_ field: String, currency: String, over rows: [RecordRow]) -> SourceLocation {
        var best: (exponent: Int, location: SourceLocation)?
        for row in rows {
            for value in row.values(field) {
                let amount: Decimal
                switch value {
                case .money(let money):
                    let converted = context.converter.convert(money)
                    guard converted.currency == currency else { continue }
                    amount = converted.amount
                case .year(let year) where currency.isEmpty: amount = Decimal(year)
                default: continue
                }
                if !amount.isZero, best == nil || amount.exponent < best!.exponent { best = (amount.exponent, row.location) }
            }
        }
        return best?.location ?? SourceLocation(file: context.definition.file)
    }

    /// A `change` or `growth` cell from the current and the comparison period's sums of one
    /// currency; `nil` (shown as "—" with a note) when there is nothing to compare with: no
    /// comparison data, a zero base, or different currencies.
    func comparison(_ measure: MeasureExpression, current: [(currency: String, amount: Decimal)],
                    previous: [(currency: String, amount: Decimal)]) -> CellValue? {
        guard current.count <= 1, previous.count == 1, let before = previous.first else { return nil }
        let now = current.first ?? (before.currency, 0)
        guard now.currency == before.currency else { return nil }
        if case .change = measure {
            return before.currency.isEmpty ? .decimal(now.amount - before.amount, fractionDigits: 0)
                : .money(Money(amount: now.amount - before.amount, currency: before.currency))
        }
        guard before.amount != 0 else { return nil }
        var fraction = (now.amount - before.amount) / before.amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &fraction, 3, .plain)
        return .percent(rounded)
    }

    /// The compound annual growth rate from `first` (the sums of a range's first unit) to `last`
    /// (its last unit's), `years` apart: `(last / first)^(1 / years) − 1`, rounded to 0.1 %.
    /// `nil` (shown as "—" with a note) when it has no meaning: no figure at the start, a start of
    /// zero or below (no rate turns it into the end), an end below zero (no real root), or two
    /// currencies. An end of zero is −100 %.
    func cagr(first: [(currency: String, amount: Decimal)], last: [(currency: String, amount: Decimal)], years: Int) -> CellValue? {
        guard years >= 1, first.count == 1, last.count <= 1, let start = first.first, start.amount > 0 else { return nil }
        let end = last.first ?? (start.currency, 0)
        guard end.currency == start.currency, end.amount >= 0 else { return nil }
        let ratio = NSDecimalNumber(decimal: end.amount / start.amount).doubleValue
        var rate = Decimal(pow(ratio, 1 / Double(years)) - 1)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &rate, 3, .plain)
        return .percent(rounded)
    }

    /// The cells of a `sum` measure from its ``sums(_:over:)``.
    func cells(ofSums totals: [(currency: String, amount: Decimal)]) -> [CellValue] {
        if totals.isEmpty { return [.money(Money(amount: 0, currency: context.definition.currency))] }
        return totals.map { $0.currency.isEmpty ? .decimal($0.amount, fractionDigits: 0) : .money(Money(amount: $0.amount, currency: $0.currency)) }
    }
}
