/// Checks what no single record can: unique ids, references between records, partner lists.
public struct DatasetValidator {
    let problems: ProblemList
    /// Whether place codes must name places of the dataset: off for a part checked on its own
    /// (a register being imported), whose places live in another file.
    let checksReferences: Bool

    public init(problems: ProblemList, checksReferences: Bool = true) {
        self.problems = problems
        self.checksReferences = checksReferences
    }

    public func validate(_ dataset: Dataset) {
        // References are checked only on otherwise clean data, so one broken place does not
        // cascade into an error at every record that names it.
        let checkReferences = checksReferences && problems.isEmpty
        checkIdentifiers(dataset)
        var places: [String: SourceLocation] = [:]
        for place in dataset.places {
            if let first = places[place.code] {
                problems.add(place.location, field: "places.code", "duplicate place code '\(place.code)' (first used at \(first))")
            } else {
                places[place.code] = place.location
            }
        }
        func known(_ code: String, _ location: @autoclosure () -> SourceLocation, _ field: String) {
            if checkReferences && places[code] == nil {
                problems.add(location(), field: field, "unknown place code '\(code)'; add it under places:")
            }
        }
        if checkReferences {
            dataset.projects.forEachPlace(unless: { places[$0] != nil }) { code, row in
                known(code, dataset.projects.location(at: row), "projects.places")
            }
        }
        for agreement in dataset.agreements {
            agreement.place.map { known($0, agreement.location, "agreements.place") }
        }
        for pair in dataset.twinCities {
            known(pair.first, pair.location, "twinCities.cities")
            known(pair.second, pair.location, "twinCities.cities")
        }
        for event in dataset.events {
            event.place.map { known($0, event.location, "events.place") }
        }
        var tradeRows: [String: SourceLocation] = [:]
        for flow in dataset.trade {
            if let first = tradeRows[flow.id] {
                problems.add(flow.location, field: "trade", "a second \(flow.id) trade row (first at \(first))")
            }
            tradeRows[flow.id] = flow.location
            if flow.reporter == flow.partner {
                problems.add(flow.location, field: "trade.partner", "reporter and partner are the same country")
            }
        }
        checkExactSums(dataset.projects)
        checkExactSums(dataset.trade.map { ($0.value, $0.location) }, field: "trade.value")
    }

    /// Record ids are one namespace across the kinds that have them: a second use of an id is
    /// reported at its record, naming the first. Ids of records left out for other problems
    /// count too, so every duplicate is reported in the same run; the records are then taken in
    /// the order they stand in the files, so "first" is the one read first.
    ///
    /// Projects, the kind with the most records, come first: without rejected records, their
    /// ids go into an ``IdentifierTable`` of rows (no `String` hashed, no location made per id),
    /// which the other kinds' ids are then looked up in.
    func checkIdentifiers(_ dataset: Dataset) {
        var entries: [(id: String, source: RecordSource, location: SourceLocation)] = []
        var ids: [String: SourceLocation] = [:]
        let projects = dataset.projects
        var projectRows: IdentifierTable?
        func reportDuplicate(_ id: String, _ location: SourceLocation, _ source: RecordSource, first: SourceLocation) {
            problems.add(location, field: "\(source.rawValue).id", "duplicate id '\(id)' (first used at \(first))")
        }
        func claim(_ id: String, _ location: SourceLocation, _ source: RecordSource) {
            if let first = ids[id] ?? projectRows?.row(of: id).map(projects.location(at:)) {
                reportDuplicate(id, location, source, first: first)
            } else {
                ids[id] = location
            }
        }
        func check(_ id: String, _ location: @autoclosure () -> SourceLocation, _ source: RecordSource) {
            if dataset.rejectedIdentifiers.isEmpty { claim(id, location(), source) } else { entries.append((id, source, location())) }
        }
        if dataset.rejectedIdentifiers.isEmpty {
            var duplicates: [(row: Int, first: Int)] = []
            projectRows = IdentifierTable(ids: projects.ids, duplicates: &duplicates)
            for (row, first) in duplicates {
                reportDuplicate(projects.ids[row], projects.location(at: row), .projects, first: projects.location(at: first))
            }
        } else {
            for row in projects.indices { entries.append((projects.ids[row], .projects, projects.location(at: row))) }
        }
        for record in dataset.agreements { check(record.id, record.location, .agreements) }
        for record in dataset.twinCities { check(record.id, record.location, .twinCities) }
        for record in dataset.events { check(record.id, record.location, .events) }
        for record in dataset.exchanges { check(record.id, record.location, .exchanges) }
        for record in dataset.honours { check(record.id, record.location, .honours) }
        guard !dataset.rejectedIdentifiers.isEmpty else { return }
        entries += dataset.rejectedIdentifiers
        let fileRank = Dictionary(dataset.files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        entries.sort { a, b in
            let fa = fileRank[a.location.file] ?? Int.max, fb = fileRank[b.location.file] ?? Int.max
            if fa != fb { return fa < fb }
            if a.location.line != b.location.line { return a.location.line < b.location.line }
            return a.location.column < b.location.column
        }
        for (id, source, location) in entries { claim(id, location, source) }
    }

    /// ``checkExactSums(_:field:)`` of the projects' values: totals per currency summed on the
    /// columns, the amounts listed only when a total is not exact.
    func checkExactSums(_ projects: ProjectColumns) {
        var totals = [DecimalSum](repeating: DecimalSum(), count: projects.codeCount)
        for row in projects.indices where projects.currencyCodes[row] != ProjectColumns.none {
            projects.addAmount(at: row, to: &totals[Int(projects.currencyCodes[row])])
        }
        guard !totals.allSatisfy(\.isExact) else { return }
        checkExactSums(projects.indices.compactMap { row in projects.value(at: row).map { ($0, projects.location(at: row)) } },
                       field: "projects.value.amount")
    }

    /// Amounts are never negative, so the total of one currency's amounts bounds every sum a
    /// report makes of them: when that total fits ``DecimalSum/maxDigits`` significant digits,
    /// every sum is exact. When it does not (a 30-digit amount beside one with 30 decimals),
    /// the data is refused at the amount with the smallest unit, whose digits a sum would lose.
    func checkExactSums(_ amounts: [(money: Money, location: SourceLocation)], field: String) {
        var totals: [String: DecimalSum] = [:]
        for (money, _) in amounts { totals[money.currency, default: DecimalSum()].add(money.amount) }
        for (currency, total) in totals.sorted(by: { $0.key < $1.key }) where !total.isExact {
            let same = amounts.filter { $0.money.currency == currency && !$0.money.amount.isZero }
            guard let finest = same.min(by: { $0.money.amount.exponent < $1.money.amount.exponent }),
                  let largest = same.max(by: { $0.money.amount < $1.money.amount }) else { continue }
            problems.add(finest.location, field: field,
                         "the \(currency) amounts need \(total.digits) significant digits to add up exactly, from the largest "
                         + "(at \(largest.location)) to this one's last decimal; Hamkor adds amounts exactly up to "
                         + "\(DecimalSum.maxDigits) digits and does not round a sum: write fewer decimals here, or the large amounts in a larger unit")
        }
    }
}
