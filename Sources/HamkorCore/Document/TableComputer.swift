import Foundation
import HamkorLocalization
import Synchronization

/// Computes one table: record lists, or groups with measures, sort, top-N with "Other",
/// independently rounded shares and the total row.
struct TableComputer {
    let context: BuildContext
    let definition: TableDefinition

    func build() throws -> TableBlock {
        let rows = context.records(definition.source, filter: definition.filter)
        if let pivot = definition.pivot { return try crossTab(rows, pivot) }
        let columns = try definition.columns.map { column in
            TableColumn(id: column.id, header: try context.text(column.header, "column header"), type: type(of: column))
        }
        var notes: [String] = []
        var computedTotals: [Int: CellValue] = [:]
        // Money columns whose currencies and sum were read from the project columns, by index.
        var valueSummaries: [Int: (currencies: Set<String>, sum: DecimalSum)] = [:]
        let tableRows: TableRows
        if let groupBy = definition.groupBy {
            let (cells, groupNotes, totals) = try grouped(rows, by: groupBy)
            notes = groupNotes
            computedTotals = totals
            tableRows = TableRows(cells, width: columns.count)
        } else if var cells = ProjectCellReader(rows: rows, fields: definition.columns.map { column in
            if case .field(let name) = column.content { name } else { "" }
        }, context: context) {
            // Project columns: the rows ordered by reading the columns, the cells left to be
            // read from them by the exporters. Codes and translations are checked here, sort
            // column and tie column first, then every cell in table order, as below.
            let sortColumn = sortColumn, tieColumn = tieColumn
            for column in [sortColumn, tieColumn].compactMap({ $0 }) {
                try cells.prepare(column: column, rows: rows.indices, context: context)
            }
            let prepared = cells
            // The value column's amounts sort as integers read from the columns, without cells.
            let scaledKeys = sortColumn.flatMap { prepared.scaledKeys(column: $0) }
            let keys = scaledKeys != nil ? nil : sortColumn.map { column in rows.indices.map { prepared.cell(row: $0, column: column) } }
            let order = sortOrder(keys: keys, scaledKeys: scaledKeys, ids: rows.indices.map(prepared.id(at:)),
                                  tieLabel: { row in tieColumn.map { Self.label(prepared.cell(row: row, column: $0)) } ?? "" },
                                  tieTexts: tieColumn.flatMap(prepared.utf8Texts(column:)))
            for column in definition.columns.indices where column != sortColumn && column != tieColumn {
                try cells.prepare(column: column, rows: order, context: context)
            }
            // Summed before the rows are put in table order: the same exact sums, read from the
            // columns in store order rather than at a cache miss per row.
            for column in definition.columns.indices { valueSummaries[column] = cells.valueSummary(column: column) }
            cells.order(by: order)
            tableRows = TableRows(width: columns.count, count: cells.count, source: ProjectTableCells(cells))
        } else {
            // Sort keys first (one cell per record), then the rows built straight into one buffer
            // in sorted order: no array per row, and no second copy of the table at the peak.
            func cell(_ row: RecordRow, _ column: ColumnDefinition) throws -> CellValue {
                guard case .field(let name) = column.content else { return .empty }
                return try context.cell(row.values(name), location: row.location)
            }
            let sortColumn = sortColumn
            let keys = try sortColumn.map { sortColumn in try rows.map { try cell($0, definition.columns[sortColumn]) } }
            let tieLabels = try tieColumn.map { column in try rows.map { Self.label(try cell($0, definition.columns[column])) } }
            var cells = ContiguousArray<CellValue>()
            cells.reserveCapacity(rows.count * columns.count)
            for index in sortOrder(keys: keys, ids: rows.map(\.id), tieLabel: { tieLabels?[$0] ?? "" }) {
                for (position, column) in definition.columns.enumerated() {
                    let value = if let keys, position == sortColumn { keys[index] } else { try cell(rows[index], column) }
                    cells.append(Self.packed(value))
                }
            }
            tableRows = TableRows(width: columns.count, cells: cells)
        }
        let finalColumns = columns.enumerated().map { index, column -> TableColumn in
            // A money column whose cells share one currency says so; mixed currencies do not.
            guard case .money = column.type else { return column }
            var currencies: Set<String> = []
            if let summary = valueSummaries[index] {
                currencies = summary.currencies
            } else {
                tableRows.forEachCell(inColumn: index) { cell in
                    if case .money(let money) = cell { currencies.insert(money.currency) }
                    return true
                }
            }
            var copy = column
            copy.type = .money(currency: currencies.count == 1 ? currencies.first : (currencies.isEmpty ? context.definition.currency : nil))
            return copy
        }
        return TableBlock(id: definition.id, title: try context.text(definition.title, "table title"),
                          shortTitle: try context.t(definition.sheet, "sheet name"), columns: finalColumns, rows: tableRows,
                          total: definition.total ? try totalRow(tableRows, columns: finalColumns, computed: computedTotals,
                                                                 summaries: valueSummaries) : nil,
                          notes: notes)
    }

    private func type(of column: ColumnDefinition) -> ColumnType {
        let fields = definition.source.fields
        func fieldType(_ name: String) -> ColumnType {
            switch fields[name] {
            case .identifier: .identifier
            case .text, .plain, .flag, .decimal, .currency, .none: .text
            case .code: .code
            case .country, .countries: .country
            case .place, .places, .period: .code
            case .money: .money(currency: context.definition.currency)
            case .year: .year
            case .date: .date
            }
        }
        switch column.content {
        case .field(let name): return fieldType(name)
        case .group: return fieldType(definition.groupBy ?? "")
        case .measure(let measure):
            switch measure {
            case .count, .distinct: return .integer
            case .share, .growth, .cagr: return .percent(fractionDigits: 1)
            case .change(let f): return fields[f] == .money ? .money(currency: context.definition.currency) : .decimal(fractionDigits: 0)
            case .sum(let f), .min(let f), .max(let f):
                return fields[f] == .money ? .money(currency: context.definition.currency) : fieldType(f)
            }
        }
    }

    private struct Group {
        /// The group's key in `grouped`'s dictionary (sort key, separator, currency); "Other" has its own.
        var id: String
        var key: FieldValue
        var currency: String?
        var members: GroupMembers
        /// The group's rows (made from the columns' row numbers when the group holds those).
        var rows: [RecordRow] { members.rows }
    }

    /// The grouped rows, their notes, and the total-row cells the core computes rather than sums
    /// (the average annual growth of the whole table), by column index.
    private func grouped(_ rows: [RecordRow], by field: String) throws -> ([[CellValue]], [String], [Int: CellValue]) {
        // The money field the table's measures read, so amounts in unconvertible currencies
        // form their own rows instead of being added to the report currency.
        let moneyField = definition.columns.lazy.compactMap { column -> String? in
            guard case .measure(let m) = column.content, let f = m.field, definition.source.fields[f] == .money else { return nil }
            return f
        }.first
        var groups: [String: Group] = [:]
        var order: [String] = []
        var foreign: Set<String> = []
        // A group's sums of a field, computed once: a sum column and a share column read the same.
        var knownSums: [String: [String: [(currency: String, amount: Decimal)]]] = [:]
        if let columnGroups = ProjectColumnGroups(rows, by: field, moneyField: moneyField, currency: context.definition.currency) {
            // Project columns grouped by code id, values summed as integers: the same groups, rows and sums.
            for group in columnGroups.groups {
                let id = group.key.sortKey + "\u{1F}"
                groups[id] = Group(id: id, key: group.key, currency: nil, members: .projectRows(columnGroups.store, group.rows))
                order.append(id)
                // A sum too long to hold exactly is left to the general path, which reports it.
                if let moneyField, group.sum.isExact {
                    knownSums[id, default: [:]][moneyField] = group.hasValue ? [(context.definition.currency, group.sum.value)] : []
                }
            }
        } else {
        var rowsByGroup: [String: [RecordRow]] = [:]
        for row in rows {
            var keys = row.values(field)
            if keys.isEmpty { keys = [.none] }
            var currency: String?
            if let moneyField, case .money(let money)? = row.values(moneyField).first {
                let converted = context.converter.convert(money)
                if converted.currency != context.definition.currency { currency = converted.currency; foreign.insert(converted.currency) }
            }
            for key in keys {
                let id = key.sortKey + "\u{1F}" + (currency ?? "")
                if groups[id] == nil { groups[id] = Group(id: id, key: key, currency: currency, members: .records([])); order.append(id) }
                rowsByGroup[id, default: []].append(row)
            }
        }
        for (id, rows) in rowsByGroup { groups[id]!.members = .records(rows) }
        }
        var list = order.map { groups[$0]! }
        let aggregate = Aggregate(context: context)
        func sums(of field: String, for group: Group) throws -> [(currency: String, amount: Decimal)] {
            if let known = knownSums[group.id]?[field] { return known }
            let computed = try (field == "value" ? group.members.sumOfValues(currency: context.definition.currency) : nil)
                ?? aggregate.sums(field, over: group.rows)
            knownSums[group.id, default: [:]][field] = computed
            return computed
        }
        // The comparison period's rows for change and growth columns: the table's records in its
        // period moved back a year, by their value of the grouping field (a year, or a half,
        // quarter or month, compared with the same unit a year earlier).
        let groupField = field
        var earlier: [String: [RecordRow]]?
        var incomparable = false
        func comparison(_ measure: MeasureExpression, _ field: String, for group: Group) throws -> CellValue {
            guard let base = Self.yearEarlierKey(group.key), field != "" else { incomparable = true; return .empty }
            if earlier == nil {
                var byKey: [String: [RecordRow]] = [:]
                for row in context.records(definition.source, filter: context.yearEarlier(definition.filter)) {
                    for key in row.values(groupField) { byKey[key.sortKey, default: []].append(row) }
                }
                earlier = byKey
            }
            let previous = try aggregate.sums(field, over: earlier?[base] ?? [])
            guard let cell = aggregate.comparison(measure, current: try sums(of: field, for: group), previous: previous) else {
                incomparable = true
                return .empty
            }
            return cell
        }
        // Average annual growth over the table's period, a range of whole years: each group's
        // rows in the range's first unit against those in its last.
        let span = context.cagrSpan(context.resolved(definition.filter))
        var cagrUnavailable = false
        func cagr(_ field: String, over rows: [RecordRow]) throws -> CellValue {
            guard let span else { cagrUnavailable = true; return .empty }
            func within(_ unit: ReportPeriod.Unit) -> [RecordRow] {
                let period = ReportPeriod(unit)
                return rows.filter { row in row.span.map { period.overlaps(from: $0.from, through: $0.through) } ?? false }
            }
            guard let cell = aggregate.cagr(first: try aggregate.sums(field, over: within(span.first)),
                                            last: try aggregate.sums(field, over: within(span.last)), years: span.years) else {
                cagrUnavailable = true
                return .empty
            }
            return cell
        }
        // Measures for each group.
        func row(for group: Group, label: CellValue?) throws -> [CellValue] {
            try definition.columns.map { column -> CellValue in
                switch column.content {
                case .group: return try label ?? context.cell(group.key)
                case .field: return .empty
                case .measure(let measure):
                    if case .share = measure { return .percent(0) }  // filled in below
                    if case .cagr(let field) = measure { return try cagr(field, over: group.rows) }
                    if measure.isComparison { return group.id == "\u{1F}other" ? .empty : try comparison(measure, measure.field ?? "", for: group) }
                    if case .count = measure { return .integer(group.members.count) }
                    if case .sum(let field) = measure {
                        return aggregate.cells(ofSums: try sums(of: field, for: group)).first ?? .empty
                    }
                    return try aggregate.measure(measure, over: group.rows).first ?? .empty
                }
            }
        }
        var cells = try list.map { try row(for: $0, label: nil) }
        let ids = list.map { $0.key.sortKey + ($0.currency ?? "") }
        let groupColumn = definition.columns.firstIndex { if case .group = $0.content { true } else { false } }
        // Periods order by time, not by their written names: sorted by the group column, or unsorted.
        var keys = sortColumn.map { column in cells.map { $0[column] } }
        var tieLabels = cells.map { row in groupColumn.map { Self.label(row[$0]) } ?? "" }
        if definition.source.fields[field] == .period {
            tieLabels = list.map(\.key.sortKey)
            if let sortColumn, sortColumn == groupColumn {
                keys = list.map { group in if case .period(let unit) = group.key { .integer(unit.ordinal) } else { .empty } }
            }
        }
        let groupLabels = tieLabels
        let permutation = sortOrder(keys: keys, ids: ids, tieLabel: { groupLabels[$0] })
        cells = permutation.map { cells[$0] }
        list = permutation.map { list[$0] }
        if let top = definition.top, list.count > top {
            let rest = list[top...]
            // "\u{1F}other" is no group's id: those are a sort key, the separator and a currency code or nothing.
            let other = Group(id: "\u{1F}other", key: .none, currency: nil, members: .joined(rest.map(\.members)))
            list = Array(list[..<top]) + [other]
            cells = Array(cells[..<top]) + [try row(for: other, label: .coded(code: "other", label: try context.t("Other", "table row")))]
        }
        // Shares: each rounded on its own (equal values, equal shares). A share of a count is
        // over every row. A share of money is a share of one currency's total: the report
        // currency's, or the one currency every row has; rows kept apart in another currency (no
        // exchange rate) get none, as they cannot be compared with the rest — so no row shows
        // 100 % of its own currency and the shares shown never add up past 100 %.
        var sharesDoNotAddUp = false
        let currencies = Set(list.map(\.currency))
        let comparable: (Group) -> Bool = { group in
            currencies.contains(nil) ? group.currency == nil : currencies.count == 1
        }
        for (index, column) in definition.columns.enumerated() {
            guard case .measure(.share(let field)) = column.content else { continue }
            let amounts: [Decimal] = try list.map { group in
                guard let field else { return Decimal(group.members.count) }
                return try sums(of: field, for: group).first?.amount ?? 0
            }
            let indices = field == nil ? Array(list.indices) : list.indices.filter { comparable(list[$0]) }
            let shares = RoundedShares(of: indices.map { amounts[$0] })
            sharesDoNotAddUp = sharesDoNotAddUp || !shares.addUp
            for rowIndex in list.indices { cells[rowIndex][index] = .empty }
            for (offset, rowIndex) in indices.enumerated() { cells[rowIndex][index] = .percent(shares.values[offset]) }
        }
        var notes: [String] = []
        if sharesDoNotAddUp {
            notes.append(try context.t("Shares are rounded independently, so the figures shown may not add up to the total.", "note"))
        }
        if incomparable {
            notes.append(try context.t("— marks a change that cannot be computed: no figure for the previous period, or a base of zero.", "note"))
        }
        var computedTotals: [Int: CellValue] = [:]
        for (index, column) in definition.columns.enumerated() {
            guard case .measure(.cagr(let field)) = column.content else { continue }
            let whole = try cagr(field, over: rows)
            if whole != .empty { computedTotals[index] = whole }
        }
        if cagrUnavailable {
            notes.append(try context.t("— marks an average annual growth rate that cannot be computed: the period is not a range of whole years (such as 2021..2025), or its first figure is not above zero or its last is below zero.", "note"))
        }
        if !foreign.isEmpty {
            let template = try context.t("Amounts in {currencies} are shown separately: the data gives no exchange rate to {currency}.", "note")
            notes.append(try PlaceholderTemplate(template).render(["currencies": foreign.sorted().joined(separator: ", "),
                                                                    "currency": context.definition.currency]))
        }
        if definition.source.fields[field] == .places || definition.source.fields[field] == .countries,
           rows.contains(where: { $0.values(field).count > 1 }) {
            notes.append(try context.t("A record linked to several places or countries is counted under each of them.", "note"))
        }
        return (cells, notes, computedTotals)
    }

    /// The group key of the same period a year earlier: the previous year, or the same half,
    /// quarter or month a year before; `nil` for a key that is no period.
    static func yearEarlierKey(_ key: FieldValue) -> String? {
        switch key {
        case .year(let year): String(year - 1)
        case .period(let unit): unit.yearEarlier.code
        default: nil
        }
    }

    /// A cross-tab: rows by one field, columns by another (in code order, so periods ascend), the
    /// measure in the cells (empty where no record falls), rows sorted by their total, descending;
    /// with `growth`, a last column of each row's growth in the last period column on the same
    /// period a year earlier (read from the data outside the table's period if need be).
    private func crossTab(_ rows: [RecordRow], _ pivot: PivotDefinition) throws -> TableBlock {
        let aggregate = Aggregate(context: context)
        var columnKeys: [String: FieldValue] = [:]
        var rowKeys: [String: FieldValue] = [:]
        var buckets: [String: [String: [RecordRow]]] = [:]
        var byRow: [String: [RecordRow]] = [:]
        for row in rows {
            for columnKey in row.values(pivot.columns) {
                columnKeys[columnKey.sortKey] = columnKey
                for rowKey in row.values(pivot.rows) {
                    rowKeys[rowKey.sortKey] = rowKey
                    buckets[rowKey.sortKey, default: [:]][columnKey.sortKey, default: []].append(row)
                }
            }
            for rowKey in row.values(pivot.rows) { byRow[rowKey.sortKey, default: []].append(row) }
        }
        func value(_ subset: [RecordRow]?) throws -> CellValue {
            guard let subset, !subset.isEmpty else { return .empty }
            switch pivot.value {
            case .sum(let field): return aggregate.cells(ofSums: try aggregate.sums(field, over: subset)).first ?? .empty
            default: return .integer(subset.count)
            }
        }
        let columnOrder = columnKeys.keys.sorted()
        let isMoney: Bool = if case .sum(let f) = pivot.value { definition.source.fields[f] == .money } else { false }
        let valueType: ColumnType = isMoney ? .money(currency: context.definition.currency) : .integer
        var columns = [TableColumn(id: pivot.rows, header: try context.text(pivot.rowsHeader, "column header"), type: .code)]
        for key in columnOrder {
            columns.append(TableColumn(id: key, header: try context.formatted(try context.cell(columnKeys[key]!), as: .text), type: valueType))
        }
        if pivot.totals { columns.append(TableColumn(id: "total", header: try context.t("Total", "report chrome"), type: valueType)) }
        let growth = pivot.growth ? try PivotGrowth(context: context, definition: definition, pivot: pivot, lastColumn: columnOrder.last.flatMap { columnKeys[$0] }) : nil
        if growth != nil {
            columns.append(TableColumn(id: "growth", header: try context.t("Growth on a year earlier", "column header"), type: .percent(fractionDigits: 1)))
        }
        var table = try rowKeys.keys.map { key -> (key: String, total: CellValue, cells: [CellValue]) in
            let total = try value(byRow[key])
            var cells = [try context.cell(rowKeys[key]!)] + (try columnOrder.map { try value(buckets[key]?[$0]) })
            if pivot.totals { cells.append(total) }
            if let growth { cells.append(try growth.cell(row: key, current: buckets[key]?[columnOrder.last!] ?? [])) }
            return (key, total, cells)
        }
        table.sort { a, b in
            let x = a.total.numericValue ?? 0, y = b.total.numericValue ?? 0
            return x != y ? x > y : a.key < b.key
        }
        var total: TotalRow?
        if pivot.totals {
            var cells: [TotalCell] = [.label]
            for index in 1..<(columns.count - (growth == nil ? 0 : 1)) {
                var sum = DecimalSum()
                for row in table { if let number = row.cells[index].numericValue { sum.add(number) } }
                let exact = try sum.exactValue("the total of column '\(columns[index].id)' of table '\(definition.id)'", at: definition.location)
                cells.append(.sum(isMoney ? .money(Money(amount: exact, currency: context.definition.currency))
                                          : .integer(NSDecimalNumber(decimal: exact).intValue)))
            }
            if let growth {
                let whole = try growth.cell(row: nil, current: columnOrder.last.map { key in rows.filter { row in row.values(pivot.columns).contains { $0.sortKey == key } } } ?? [])
                cells.append(whole == .empty ? .none : .value(whole))
            }
            total = TotalRow(label: try context.t("Total", "report chrome"), cells: cells)
        }
        var block = TableBlock(id: definition.id, title: try context.text(definition.title, "table title"),
                               shortTitle: try context.t(definition.sheet, "sheet name"), columns: columns,
                               rows: TableRows(table.map(\.cells), width: columns.count), total: total,
                               notes: try growth?.notes() ?? [])
        block.pivot = PivotLayout(columnField: pivot.columns, measure: pivot.value.field ?? "count",
                                  valueColumns: 1..<(1 + columnOrder.count), totalColumn: pivot.totals ? 1 + columnOrder.count : nil)
        return block
    }

    /// `cell` with its text in an allocation of its own.
    ///
    /// Record tables are the large ones, and exporters read them front to back: a record list's
    /// text copied row by row in sorted order (instead of left wherever the loader put each
    /// string, in file order) lets a 1,000,000-row table stream through memory rather than jump
    /// about it. Code labels are left shared: a few strings, read by every row, stay in cache.
    static func packed(_ cell: CellValue) -> CellValue {
        if case .text(let text) = cell { return .text(String(decoding: text.utf8, as: UTF8.self)) }
        return cell
    }

    /// The column the definition sorts by, if any.
    private var sortColumn: Int? {
        definition.sort.flatMap { sort in definition.columns.firstIndex { $0.id == sort.column } }
    }

    /// Row order: by the sort column's cells `keys` (numbers numerically, text in the report
    /// language's collation); ties, and tables without a sort column, by `tieLabel` in that
    /// collation, then by id so the order is total.
    /// `scaledKeys`, when given, are the sort column's numbers as ``ScaledKeys`` and stand for `keys`;
    /// `tieTexts`, the same labels as `tieLabel`'s, held as UTF-8.
    private func sortOrder(keys: [CellValue]?, scaledKeys: [Int64]? = nil, ids: [String],
                           tieLabel: @escaping @Sendable (Int) -> String, tieTexts: UTF8Texts? = nil) -> [Int] {
        func tieOrdering(_ collation: CollationRanks) -> (Int, Int) -> Bool {
            { a, b in
                let ra = collation.rank(a), rb = collation.rank(b)
                return ra != rb ? ra < rb : ids[a] < ids[b]
            }
        }
        guard keys != nil || scaledKeys != nil, let sort = definition.sort else {
            return ids.indices.sorted(by: tieOrdering(CollationRanks(ids.indices.map(tieLabel), locale: context.locale)))
        }
        // Sort keys are taken out of the cells once, not at every comparison; `Decimal`
        // comparisons are slow, so numbers are compared as integers on one scale when they all
        // fit (`ScaledKeys`), else as doubles first (see `order`).
        let numbers = scaledKeys != nil ? [] : (keys ?? []).map(\.numericValue)
        let scaled = scaledKeys ?? (numbers.allSatisfy { $0 != nil } ? ScaledKeys(numbers.map { $0! })?.keys : nil)
        let approximations = scaled != nil ? [] : numbers.map { $0.map { NSDecimalNumber(decimal: $0).doubleValue } ?? 0 }
        func numericOrder(_ a: Int, _ b: Int) -> ComparisonResult {
            if let scaled { return scaled[a] == scaled[b] ? .orderedSame : (scaled[a] < scaled[b] ? .orderedAscending : .orderedDescending) }
            return Self.order(numbers[a]!, numbers[b]!, approximately: approximations[a], approximations[b])
        }
        if scaled != nil || numbers.allSatisfy({ $0 != nil }) {
            // By number first (a permutation sorted by the integer keys); then each run of equal
            // numbers by its labels' collation and id. Collating only within runs is the same
            // order as collating every label up front, at a fraction of the comparisons.
            var order: [Int]
            if let scaled {
                order = KeyOrder.rows(sortedBy: scaled, descending: sort.descending)
            } else {
                order = numbers.indices.sorted { a, b in
                    let order = numericOrder(a, b)
                    return order != .orderedSame && (sort.descending ? order == .orderedDescending : order == .orderedAscending)
                }
            }
            var runs: [Range<Int>] = []
            var start = 0
            while start < order.count {
                var end = start + 1
                while end < order.count && numericOrder(order[start], order[end]) == .orderedSame { end += 1 }
                if end - start > 1 { runs.append(start..<end) }
                start = end
            }
            for (run, sorted) in zip(runs, collated(runs, of: order, ids: ids, tieLabel: tieLabel, tieTexts: tieTexts)) {
                order.replaceSubrange(run, with: sorted)
            }
            return order
        }
        let keys = keys ?? []
        let tieOrder = tieOrdering(CollationRanks(ids.indices.map(tieLabel), locale: context.locale))
        let labels = CollationRanks(keys.map(Self.label), locale: context.locale)
        return keys.indices.sorted { a, b in
            let order = numbers[a] != nil && numbers[b] != nil
                ? numericOrder(a, b)
                : (labels.rank(a) == labels.rank(b) ? ComparisonResult.orderedSame
                   : (labels.rank(a) < labels.rank(b) ? .orderedAscending : .orderedDescending))
            if order != .orderedSame { return sort.descending ? order == .orderedDescending : order == .orderedAscending }
            return tieOrder(a, b)
        }
    }

    /// The positions in each run of `order`, ordered by their labels' collation, then id: the
    /// runs split between the processors when they hold many rows (a million-project list's
    /// runs of equal values), each run's order the same either way. Labels in `tieTexts` are
    /// collated as UTF-8 in place.
    private func collated(_ runs: [Range<Int>], of order: [Int], ids: [String], tieLabel: @Sendable (Int) -> String,
                          tieTexts: UTF8Texts?) -> [[Int]] {
        let locale = context.locale
        @Sendable func collate(_ runs: ArraySlice<Range<Int>>) -> [[Int]] {
            runs.map { run in
                if let tieTexts { locale.collationOrder(Array(order[run]), utf8: tieTexts) { ids[$0] < ids[$1] } }
                else { locale.collationOrder(Array(order[run]), text: tieLabel) { ids[$0] < ids[$1] } }
            }
        }
        let rows = runs.reduce(0) { $0 + $1.count }
        // Sixteen parts per processor, so one that finishes early takes another and the last
        // part, run alone while the others are done, is short.
        let parts = min(16 * ProcessInfo.processInfo.activeProcessorCount, rows / 20_000)
        guard parts > 1 else { return collate(runs[...]) }
        // Parts of about equal rows, each a range of whole runs.
        var bounds = [0]
        var counted = 0
        for (index, run) in runs.enumerated() {
            counted += run.count
            if counted * parts >= rows * bounds.count, bounds.count < parts { bounds.append(index + 1) }
        }
        bounds.append(runs.count)
        let parted = bounds
        let results = Mutex([[[Int]]](repeating: [], count: parted.count - 1))
        DispatchQueue.concurrentPerform(iterations: parted.count - 1) { part in
            let sorted = collate(runs[parted[part]..<parted[part + 1]])
            results.withLock { $0[part] = sorted }
        }
        return results.withLock { $0.flatMap { $0 } }
    }

    /// The order of two exact numbers: by their double approximations `x` and `y` when those are
    /// clearly apart (conversion keeps order and errs by far less than 10⁻⁹), else exactly.
    static func order(_ a: Decimal, _ b: Decimal, approximately x: Double, _ y: Double) -> ComparisonResult {
        if abs(x - y) > 1e-9 * max(abs(x), abs(y)) { return x < y ? .orderedAscending : .orderedDescending }
        return a == b ? .orderedSame : (a < b ? .orderedAscending : .orderedDescending)
    }

    /// The column whose text orders ties in a record list: its first text or coded column.
    private var tieColumn: Int? {
        definition.columns.firstIndex { column in
            guard case .field(let name) = column.content else { return false }
            switch definition.source.fields[name] {
            case .text, .code, .place, .places, .country, .countries: return true
            default: return false
            }
        }
    }

    private static func label(_ cell: CellValue) -> String {
        switch cell {
        case .coded(_, let label), .text(let label): label
        default: ""
        }
    }

    /// The total row; a money column in `summaries` takes its currencies and sum from there
    /// rather than from its cells (the same figures, read from the project columns).
    private func totalRow(_ rows: TableRows, columns: [TableColumn], computed: [Int: CellValue],
                          summaries: [Int: (currencies: Set<String>, sum: DecimalSum)]) throws -> TotalRow {
        var totals: [TotalCell] = []
        var labelPlaced = false
        for (index, column) in columns.enumerated() {
            if let value = computed[index] {
                totals.append(.value(value))
                continue
            }
            let content = definition.columns[index].content
            let summable: Bool = switch content {
            case .measure(.count), .measure(.sum), .measure(.share): true
            case .field: column.type.isNumeric
            default: false
            }
            if summable {
                var total = DecimalSum()
                var currencies: Set<String> = []
                if let summary = summaries[index] {
                    (total, currencies) = (summary.sum, summary.currencies)
                } else {
                    rows.forEachCell(inColumn: index) { cell in
                        if case .money(let m) = cell { currencies.insert(m.currency) }
                        if let number = cell.numericValue { total.add(number) }
                        return true
                    }
                }
                // Shares and growth rates are rounded fractions: their total needs no exactness.
                let sum = if case .percent = column.type { total.value }
                    else { try total.exactValue("the total of column '\(column.id)' of table '\(definition.id)'", at: definition.location) }
                switch column.type {
                case .integer: totals.append(.sum(.integer(NSDecimalNumber(decimal: sum).intValue)))
                // Shares of a whole: the total is the whole, 100 %, whatever the rounded parts add up to.
                case .percent:
                    let isShare = if case .measure(.share) = content { true } else { false }
                    totals.append(.sum(.percent(isShare && sum > 0 ? 1 : sum)))
                case .money:
                    if currencies.count <= 1 {
                        totals.append(.sum(.money(Money(amount: sum, currency: currencies.first ?? context.definition.currency))))
                    } else {
                        totals.append(.none)  // never add different currencies
                    }
                default: totals.append(.sum(.decimal(sum, fractionDigits: 2)))
                }
            } else if !labelPlaced {
                totals.append(.label)
                labelPlaced = true
            } else {
                totals.append(.none)
            }
        }
        return TotalRow(label: try context.t("Total", "report chrome"), cells: totals)
    }
}
