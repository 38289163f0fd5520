import Foundation
import HamkorLocalization

/// Builds each kind's records from the fields a ``RecordInput`` reads, applying the rules that
/// tie one field to another. The one place a record is put together, for every source: YAML and
/// JSON files, CSV tables, workbook registers and database rows.
///
/// A record with any problem is left out (its problems are reported); the dataset it belongs to
/// is refused anyway, so nothing downstream sees half a record.
enum RecordAssembler {
    /// The record of `source`'s kind, appended to `dataset` when valid; the id of a record
    /// left out is kept in ``Dataset/rejectedIdentifiers``.
    static func read(_ input: some RecordInput, as source: RecordSource, into dataset: inout Dataset) {
        func keep<T>(_ record: T?, _ append: (T) -> Void) {
            if let record { return append(record) }
            if source != .trade, let id = input.readIdentifier {
                dataset.rejectedIdentifiers.append((id, source, input.location))
            }
        }
        switch source {
        case .projects: keep(project(input)) { dataset.projects.append($0) }
        case .agreements: keep(agreement(input)) { dataset.agreements.append($0) }
        case .twinCities: keep(twinCities(input)) { dataset.twinCities.append($0) }
        case .events: keep(event(input)) { dataset.events.append($0) }
        case .exchanges: keep(exchange(input)) { dataset.exchanges.append($0) }
        case .honours: keep(honour(input)) { dataset.honours.append($0) }
        case .trade: keep(trade(input)) { dataset.trade.append($0) }
        }
    }

    static func project(_ r: some RecordInput) -> Project? {
        let id = r.code("id"), name = r.text("name"), partners = r.list("partners"), sector = r.code("sector")
        let places = r.list("places"), value = r.money("value"), status = r.code("status", as: ProjectStatus.self)
        let start = r.year("startYear"), end = r.year("endYear")
        if let start, let end, end < start { r.fail("endYear", "\(end) is before startYear \(start)") }
        let source = r.plain("source"), illustrative = r.flag("illustrative") ?? false
        guard !r.failed, let id, let name, let sector, let status else { return nil }
        return Project(id: id, name: name, partners: partners, sector: sector, places: places, value: value, status: status,
                       startYear: start, endYear: end, source: source, illustrative: illustrative, location: r.location)
    }

    static func agreement(_ r: some RecordInput) -> Agreement? {
        let id = r.code("id"), title = r.text("title"), area = r.code("area"), level = r.code("level", as: AgreementLevel.self)
        let signed = r.date("signed"), parties = r.list("parties"), place = r.code("place")
        guard !r.failed, let id, let title, let area, let level else { return nil }
        return Agreement(id: id, title: title, area: area, level: level, signed: signed, parties: parties, place: place,
                         location: r.location)
    }

    static func twinCities(_ r: some RecordInput) -> TwinCityPair? {
        // The cities first: their count is checked only when every code read.
        let cities = r.list("cities"), citiesRead = !r.failed
        let id = r.code("id"), signed = r.date("signed")
        if r.has("cities") && cities.count != 2 && citiesRead {
            r.fail("cities", "a twin-city pair names exactly two cities, found \(cities.count)")
        } else if cities.count == 2, cities[0] == cities[1] {
            r.fail("cities", "a twin-city pair names '\(cities[0])' twice; a city cannot be twinned with itself")
        }
        guard !r.failed, let id, cities.count == 2 else { return nil }
        return TwinCityPair(id: id, first: cities[0], second: cities[1], signed: signed, location: r.location)
    }

    static func event(_ r: some RecordInput) -> CooperationEvent? {
        let id = r.code("id"), kind = r.code("kind"), title = r.text("title"), date = r.date("date"), place = r.code("place")
        guard !r.failed, let id, let kind, let title else { return nil }
        return CooperationEvent(id: id, kind: kind, title: title, date: date, place: place, location: r.location)
    }

    static func exchange(_ r: some RecordInput) -> Exchange? {
        let id = r.code("id"), field = r.code("field"), title = r.text("title"), year = r.year("year")
        guard !r.failed, let id, let field, let title else { return nil }
        return Exchange(id: id, field: field, title: title, year: year, location: r.location)
    }

    static func honour(_ r: some RecordInput) -> Honour? {
        let id = r.code("id"), title = r.text("title"), recipient = r.text("recipient"), awardedBy = r.code("awardedBy")
        let date = r.date("date")
        guard !r.failed, let id, let title, let recipient, let awardedBy else { return nil }
        return Honour(id: id, title: title, recipient: recipient, awardedBy: awardedBy, date: date, location: r.location)
    }

    /// A trade flow: the HS section is the chapter's own when a chapter is given
    /// (``FieldRules/tradeSection(section:chapter:)``); a quantity needs its unit.
    static func trade(_ r: some RecordInput) -> TradeFlow? {
        let reporter = r.code("reporter"), partner = r.code("partner"), period = r.period("period")
        let direction = r.code("flow", as: TradeFlow.Direction.self)
        let chapter = r.code("chapter"), given = r.code("section")
        let (section, conflict) = FieldRules.tradeSection(section: given, chapter: chapter)
        if let conflict { r.fail("section", conflict) }
        if !r.has("section") && !r.has("chapter") {
            r.fail("section", "give a section (an HS section, I–XXI) or a chapter (01–97)")
        }
        let value = r.money("value"), quantity = r.decimal("quantity"), unit = r.plain("unit")
        if r.has("quantity") != r.has("unit") {
            r.fail(r.has("quantity") ? "unit" : "quantity", "quantity and unit go together")
        }
        let illustrative = r.flag("illustrative") ?? false
        guard !r.failed, let reporter, let partner, let period, let direction, let section, let value else { return nil }
        return TradeFlow(reporter: reporter, partner: partner, period: period, direction: direction, section: section,
                         chapter: chapter, value: value, quantity: quantity, unit: unit, illustrative: illustrative,
                         location: r.location)
    }
}
