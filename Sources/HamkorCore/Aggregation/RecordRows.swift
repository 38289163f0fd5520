import HamkorLocalization

/// Turns the dataset's records into ``RecordRow``s for a source.
enum RecordRows {
    static func rows(_ source: RecordSource, in dataset: Dataset) -> [RecordRow] {
        func year(_ date: CivilDate?) -> [FieldValue] { date.map { [.year($0.year)] } ?? [] }
        func date(_ date: CivilDate?) -> [FieldValue] { date.map { [.date($0)] } ?? [] }
        let countries: ([String]) -> [FieldValue] = { $0.map { .country($0) } }
        switch source {
        case .projects:
            return dataset.projects.map { p in
                RecordRow(id: p.id, fields: [
                    "id": [.identifier(p.id)], "name": [.text(p.name)], "partners": countries(p.partners),
                    "partner": countries(p.partners), "sector": [.code(.sectors, p.sector)], "places": p.places.map { .place($0) },
                    "place": p.places.map { .place($0) }, "value": p.value.map { [.money($0)] } ?? [],
                    "status": [.code(.statuses, p.status.rawValue)], "startYear": p.startYear.map { [.year($0)] } ?? [],
                    "endYear": p.endYear.map { [.year($0)] } ?? [], "source": p.source.map { [.plain($0)] } ?? [],
                    "illustrative": [.flag(p.illustrative)],
                ], location: p.location)
            }
        case .agreements:
            return dataset.agreements.map { a in
                RecordRow(id: a.id, fields: [
                    "id": [.identifier(a.id)], "title": [.text(a.title)], "area": [.code(.areas, a.area)],
                    "level": [.code(.levels, a.level.rawValue)], "signed": date(a.signed), "year": year(a.signed),
                    "parties": countries(a.parties), "place": a.place.map { [.place($0)] } ?? [],
                ])
            }
        case .twinCities:
            let places = dataset.placesByCode
            return dataset.twinCities.map { t in
                RecordRow(id: t.id, fields: [
                    "id": [.identifier(t.id)], "first": [.place(t.first)], "second": [.place(t.second)],
                    "cities": [.place(t.first), .place(t.second)],
                    "firstCountry": places[t.first].map { [.country($0.country)] } ?? [],
                    "secondCountry": places[t.second].map { [.country($0.country)] } ?? [],
                    "signed": date(t.signed), "year": year(t.signed),
                ])
            }
        case .events:
            return dataset.events.map { e in
                RecordRow(id: e.id, fields: [
                    "id": [.identifier(e.id)], "kind": [.code(.eventKinds, e.kind)], "title": [.text(e.title)],
                    "date": date(e.date), "year": year(e.date), "place": e.place.map { [.place($0)] } ?? [],
                ])
            }
        case .exchanges:
            return dataset.exchanges.map { x in
                RecordRow(id: x.id, fields: [
                    "id": [.identifier(x.id)], "field": [.code(.exchangeFields, x.field)], "title": [.text(x.title)],
                    "year": x.year.map { [.year($0)] } ?? [],
                ])
            }
        case .honours:
            return dataset.honours.map { h in
                RecordRow(id: h.id, fields: [
                    "id": [.identifier(h.id)], "title": [.text(h.title)], "recipient": [.text(h.recipient)],
                    "awardedBy": [.country(h.awardedBy)], "date": date(h.date), "year": year(h.date),
                ])
            }
        case .trade:
            return dataset.trade.map { t in
                RecordRow(id: "\(t.year)-\(t.reporter)-\(t.partner)", fields: [
                    "year": [.year(t.year)], "reporter": [.country(t.reporter)], "partner": [.country(t.partner)],
                    "turnover": [.money(t.turnover)], "exports": t.exports.map { [.money($0)] } ?? [],
                    "imports": t.imports.map { [.money($0)] } ?? [],
                ])
            }
        }
    }
}
