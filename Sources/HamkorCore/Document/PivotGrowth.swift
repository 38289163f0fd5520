import Foundation
import HamkorLocalization

/// The growth column of a cross-tab whose columns are periods: each row's measure in the last
/// period column against the same period a year earlier (the previous year, or the same half,
/// quarter or month a year before), read from the table's records in its period moved back a
/// year: `--param period=2024` compares 2024 with 2023, and a column the period cuts short (the
/// first half of 2025 in `2024-Q2..2025-Q1`) with the same stretch a year before.
final class PivotGrowth {
    private let context: BuildContext
    private let pivot: PivotDefinition
    /// The last period column's key (`2025`, `2025-Q2`), and its comparison period's.
    private let last: FieldValue?
    private let base: String?
    /// Comparison-period records by row key, and all of them (for the total row).
    private var earlier: [String: [RecordRow]] = [:]
    private var earlierAll: [RecordRow] = []
    private var incomparable = false

    init(context: BuildContext, definition: TableDefinition, pivot: PivotDefinition, lastColumn: FieldValue?) throws {
        self.context = context
        self.pivot = pivot
        last = lastColumn
        base = lastColumn.flatMap(TableComputer.yearEarlierKey)
        guard let base else { return }
        for row in context.records(definition.source, filter: context.yearEarlier(definition.filter)) where row.values(pivot.columns).contains(where: { $0.sortKey == base }) {
            earlierAll.append(row)
            for key in row.values(pivot.rows) { earlier[key.sortKey, default: []].append(row) }
        }
    }

    /// The growth cell of one row (`nil`: the total row) from its records in the last column;
    /// empty when there is no base (no figure a year earlier, or zero).
    func cell(row key: String?, current: [RecordRow]) throws -> CellValue {
        guard base != nil else { incomparable = true; return .empty }
        let previous = key.map { earlier[$0] ?? [] } ?? earlierAll
        guard let cell = Aggregate(context: context).comparison(.growth(pivot.value.field ?? ""), current: try amounts(current),
                                                                previous: try amounts(previous)) else {
            incomparable = true
            return .empty
        }
        return cell
    }

    /// The measure of the cells as sums: `sum(field)` per currency, `count` as one number.
    private func amounts(_ rows: [RecordRow]) throws -> [(currency: String, amount: Decimal)] {
        if case .sum(let field) = pivot.value { return try Aggregate(context: context).sums(field, over: rows) }
        return rows.isEmpty ? [] : [("", Decimal(rows.count))]
    }

    /// Which column the growth is for, and the "—" note when some row has none.
    func notes() throws -> [String] {
        guard let last else { return [] }
        var notes = [try PlaceholderTemplate(context.t("Growth on a year earlier is given for the last column ({period}).", "note"))
            .render(["period": context.formatted(try context.cell(last), as: .text)])]
        if incomparable {
            notes.append(try context.t("— marks a change that cannot be computed: no figure for the previous period, or a base of zero.", "note"))
        }
        return notes
    }
}
