/// Checks what no single record can: unique ids, references between records, partner lists.
struct DatasetValidator {
    let problems: ProblemList

    func validate(_ dataset: Dataset) {
        var ids: [String: SourceLocation] = [:]
        func unique(_ id: String, _ location: SourceLocation, _ field: String) {
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
        func known(_ code: String, _ location: SourceLocation, _ field: String) {
            if places[code] == nil {
                problems.add(location, field: field, "unknown place code '\(code)'; add it under places:")
            }
        }
        for project in dataset.projects {
            unique(project.id, project.location, "projects.id")
            project.places.forEach { known($0, project.location, "projects.places") }
        }
        for agreement in dataset.agreements {
            unique(agreement.id, agreement.location, "agreements.id")
            agreement.place.map { known($0, agreement.location, "agreements.place") }
        }
        let placeCountries = Dictionary(dataset.places.map { ($0.code, $0.country) }, uniquingKeysWith: { a, _ in a })
        for pair in dataset.twinCities {
            unique(pair.id, pair.location, "twinCities.id")
            known(pair.first, pair.location, "twinCities.cities")
            known(pair.second, pair.location, "twinCities.cities")
        }
        _ = placeCountries
        for event in dataset.events {
            unique(event.id, event.location, "events.id")
            event.place.map { known($0, event.location, "events.place") }
        }
        dataset.exchanges.forEach { unique($0.id, $0.location, "exchanges.id") }
        dataset.honours.forEach { unique($0.id, $0.location, "honours.id") }
        var tradeYears: [String: SourceLocation] = [:]
        for figure in dataset.trade {
            let key = "\(figure.year) \(figure.reporter)→\(figure.partner)"
            if let first = tradeYears[key] {
                problems.add(figure.location, field: "trade", "a second \(key) trade row (first at \(first))")
            }
            tradeYears[key] = figure.location
            if figure.reporter == figure.partner {
                problems.add(figure.location, field: "trade.partner", "reporter and partner are the same country")
            }
        }
    }
}
