import Foundation

/// Group-by and sums over a dataset's project columns: groups found by code id (an array slot,
/// no string built or hashed per row), amounts added as integers through ``DecimalSum``.
///
/// Gives exactly what the general path over ``RecordRow/values(_:)`` gives — the same groups in
/// the same first-seen order, the same rows in each, the same sums — and declines (`nil`) what
/// it does not cover, which then takes the general path: rows that are not column rows of one
/// store, a field that is not a code field, or a value in another currency than the report's
/// (the general path converts those, or keeps them apart).
struct ProjectColumnGroups {
    /// One group: its key as the general path makes it, its rows (numbers in the store's
    /// columns, in the order of the rows grouped), and the sum of their values.
    struct Group {
        var key: FieldValue
        var rows: [Int32] = []
        var sum = DecimalSum()
        /// Whether any row has a value (a group of rows without one has no sum at all).
        var hasValue = false
    }

    /// The project columns the groups' rows are rows of.
    let store: ProjectColumnStore
    let groups: [Group]

    /// Groups `rows` by `field`, summing `moneyField` (`value`, or nothing) in `currency`.
    init?(_ rows: [RecordRow], by field: String, moneyField: String?, currency: String) {
        guard let store = rows.first?.projectColumn?.store, moneyField == nil || moneyField == "value",
              store.columns.count <= Int(Int32.max) else { return nil }
        let c = store.columns
        enum Column { case sector, status, places, partners }
        let column: Column
        switch field {
        case "sector": column = .sector
        case "status": column = .status
        case "places", "place": column = .places
        case "partners", "partner": column = .partners
        default: return nil
        }
        let target = c.codeID(currency)
        // The closures below capture these arrays, not `c` (capturing the columns copies every one of them).
        let codes = c.codes, currencyCodes = c.currencyCodes
        let noneSlot = max(c.codeCount, ProjectStatus.allCases.count)
        var slots = [Int32](repeating: -1, count: noneSlot + 1)
        var groups: [Group] = []
        let sums = moneyField != nil
        // Adds column row `index` to the group in `slot`; `false` for a foreign currency.
        func add(_ slot: Int, _ key: () -> FieldValue, _ index: Int) -> Bool {
            var group = Int(slots[slot])
            if group < 0 {
                group = groups.count
                slots[slot] = Int32(group)
                groups.append(Group(key: key()))
            }
            groups[group].rows.append(Int32(truncatingIfNeeded: index))
            guard sums, currencyCodes[index] != ProjectColumns.none else { return true }
            guard currencyCodes[index] == target else { return false }
            groups[group].hasValue = true
            store.columns.addAmount(at: index, to: &groups[group].sum)
            return true
        }
        let statuses = ProjectStatus.allCases
        for row in rows {
            guard let index = row.projectRow(in: store) else { return nil }
            switch column {
            case .sector:
                let id = Int(c.sectorCodes[index])
                guard add(id, { .code(.sectors, codes[id]) }, index) else { return nil }
            case .status:
                let status = c.statusColumn[index]
                guard add(statuses.firstIndex(of: status)!, { .code(.statuses, status.rawValue) }, index) else { return nil }
            case .places, .partners:
                let places = column == .places
                let range = ProjectColumns.range(places ? c.placeEnds : c.partnerEnds, index)
                if range.isEmpty {
                    guard add(noneSlot, { .none }, index) else { return nil }
                }
                for entry in range {
                    let id = Int(places ? c.placeCodes[entry] : c.partnerCodes[entry])
                    guard add(id, { places ? .place(codes[id]) : .country(codes[id]) }, index) else { return nil }
                }
            }
        }
        self.store = store
        self.groups = groups
    }

    /// The sum of the values of `rows` when all are column rows of one store with values in
    /// `currency` only: `[(currency, sum)]`, or `[]` when no row has a value; `nil` otherwise,
    /// and for a sum ``DecimalSum`` cannot hold exactly (the general path reports that).
    static func sumOfValues(_ rows: [RecordRow], currency: String) -> [(currency: String, amount: Decimal)]? {
        guard let store = rows.first?.projectColumn?.store, rows.allSatisfy({ $0.projectRow(in: store) != nil }) else { return nil }
        return sumOfValues(rows: rows.lazy.map { $0.projectRow(in: store)! }, of: store, currency: currency)
    }

    /// ``sumOfValues(_:currency:)`` of rows `rows` of `store`'s columns.
    static func sumOfValues(rows: some Sequence<Int>, of store: ProjectColumnStore, currency: String) -> [(currency: String, amount: Decimal)]? {
        let c = store.columns
        let target = c.codeID(currency)
        var sum = DecimalSum()
        var hasValue = false
        for index in rows {
            let code = c.currencyCodes[index]
            if code == ProjectColumns.none { continue }
            guard code == target else { return nil }
            hasValue = true
            c.addAmount(at: index, to: &sum)
        }
        guard sum.isExact else { return nil }
        return hasValue ? [(currency, sum.value)] : []
    }

    /// The number of distinct codes of `field` (sector, status, places or partners) among `rows`,
    /// counted by code id; `nil` unless all are column rows of one store and the field is one of those.
    static func distinctCount(_ rows: [RecordRow], of field: String) -> Int? {
        guard let store = rows.first?.projectColumn?.store else { return nil }
        let c = store.columns
        var seen = [Bool](repeating: false, count: c.codeCount)
        var statuses = Set<ProjectStatus>()
        for row in rows {
            guard let index = row.projectRow(in: store) else { return nil }
            switch field {
            case "sector": seen[Int(c.sectorCodes[index])] = true
            case "status": statuses.insert(c.statusColumn[index])
            case "places", "place": for entry in ProjectColumns.range(c.placeEnds, index) { seen[Int(c.placeCodes[entry])] = true }
            case "partners", "partner": for entry in ProjectColumns.range(c.partnerEnds, index) { seen[Int(c.partnerCodes[entry])] = true }
            default: return nil
            }
        }
        return statuses.count + seen.reduce(0) { $0 + ($1 ? 1 : 0) }
    }
}
