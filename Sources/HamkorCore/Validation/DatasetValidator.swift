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
        // Ids of every record read, including records dropped for other problems.
        var ids: [String: SourceLocation] = [:]
        for (id, location, field) in problems.identifiers {
            if let first = ids[id] {
                problems.add(location, field: field, "duplicate id '\(id)' (first used at \(first))")
            } else {
                ids[id] = location
            }
        }
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
        dataset.projects.forEachPlace { code, row in known(code, dataset.projects.location(at: row), "projects.places") }
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
    }
}
