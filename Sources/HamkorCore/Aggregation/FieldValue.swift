import HamkorLocalization

/// One field of one record, typed, before it is localized into a ``CellValue``.
enum FieldValue: Hashable, Sendable {
    case none
    case identifier(String)
    case text(LocalizedText)
    case plain(String)
    case code(Vocabulary.List, String)
    case country(String)
    case place(String)
    case money(Money)
    case year(Int)
    case date(CivilDate)
    /// A calendar half, quarter or month.
    case period(ReportPeriod.Unit)
    case flag(Bool)

    /// A stable key for grouping and tie-breaking (codes, ids, ISO dates).
    var sortKey: String {
        switch self {
        case .none: ""
        case .identifier(let id): id
        case .text(let text): text.english
        case .plain(let text): text
        case .code(_, let code), .country(let code), .place(let code): code
        case .money(let money): "\(money.currency) \(money.amount)"
        case .year(let year): String(year)
        case .date(let date): date.iso
        case .period(let unit): unit.code
        case .flag(let flag): flag ? "1" : "0"
        }
    }
}

/// A record viewed as named fields; multi-valued fields (places, partners) hold several values.
///
/// Fields are read from the record on demand: wrapping a record allocates nothing, so the
/// tables and figures of a report can each walk a million records cheaply.
struct RecordRow: Sendable {
    /// The record itself, with what some fields need from elsewhere in the dataset.
    enum Record: Sendable {
        case project(Project)
        case agreement(Agreement)
        case twinCities(TwinCityPair, firstCountry: CountryCode?, secondCountry: CountryCode?)
        case event(CooperationEvent)
        case exchange(Exchange)
        case honour(Honour)
        case trade(TradeFlow)
    }

    /// The record behind one reference: a row is copied (into groups, out of arrays) with one
    /// retain instead of one per field of the record.
    private final class Storage: Sendable {
        let record: Record
        init(_ record: Record) { self.record = record }
    }

    /// A boxed record, or a row of a dataset's project columns (no per-row allocation).
    private enum Backing: Sendable {
        case boxed(Storage)
        case projects(ProjectColumnStore, Int)
    }

    private let backing: Backing

    var record: Record {
        switch backing {
        case .boxed(let storage): storage.record
        case .projects(let store, let row): .project(store.columns[row])
        }
    }

    init(record: Record) { backing = .boxed(Storage(record)) }

    /// Row `row` of a dataset's project columns.
    init(projects store: ProjectColumnStore, row: Int) { backing = .projects(store, row) }

    /// The project columns and row behind a project row read from columns, else `nil`.
    var projectColumn: (store: ProjectColumnStore, row: Int)? {
        if case .projects(let store, let row) = backing { return (store, row) }
        return nil
    }

    var id: String {
        if case .projects(let store, let row) = backing { return store.columns.ids[row] }
        return switch record {
        case .project(let p): p.id
        case .agreement(let a): a.id
        case .twinCities(let t, _, _): t.id
        case .event(let e): e.id
        case .exchange(let x): x.id
        case .honour(let h): h.id
        case .trade(let t): t.id
        }
    }

    /// Where the record was read, for diagnostics about its text.
    var location: SourceLocation {
        if case .projects(let store, let row) = backing { return store.columns.location(at: row) }
        return switch record {
        case .project(let p): p.location
        case .agreement(let a): a.location
        case .twinCities(let t, _, _): t.location
        case .event(let e): e.location
        case .exchange(let x): x.location
        case .honour(let h): h.location
        case .trade(let t): t.location
        }
    }

    func first(_ field: String) -> FieldValue { values(field).first ?? .none }

    /// The days the record covers, for period filters: a signature or event day, a trade row's
    /// period, an exchange's year, a project's start year through its end year (open-ended
    /// without one). `nil` when the record carries no date.
    var span: (from: CivilDate, through: CivilDate)? {
        func day(_ date: CivilDate?) -> (CivilDate, CivilDate)? { date.map { ($0, $0) } }
        func years(_ first: Int?, _ last: Int?) -> (CivilDate, CivilDate)? {
            guard let first, let start = CivilDate(year: first, month: 1, day: 1) else { return nil }
            return (start, CivilDate(year: last ?? 9999, month: 12, day: 31) ?? start)
        }
        if case .projects(let store, let row) = backing {
            return years(store.columns.startYear(at: row), store.columns.endYear(at: row))
        }
        switch record {
        case .project(let p): return years(p.startYear, p.endYear)
        case .agreement(let a): return day(a.signed)
        case .twinCities(let t, _, _): return day(t.signed)
        case .event(let e): return day(e.date)
        case .exchange(let x): return years(x.year, x.year)
        case .honour(let h): return day(h.date)
        case .trade(let t): return (t.period.start, t.period.end)
        }
    }

    /// The values of a field (none when the record leaves it empty); field names are those of
    /// ``RecordSource/fields``.
    func values(_ field: String) -> [FieldValue] {
        func one(_ value: FieldValue?) -> [FieldValue] { value.map { [$0] } ?? [] }
        if case .projects(let store, let row) = backing { return store.values(field, at: row) }
        switch record {
        case .project(let p):
            switch field {
            case "id": return [.identifier(p.id)]
            case "name": return [.text(p.name)]
            case "partners", "partner": return p.partners.map { .country($0) }
            case "sector": return [.code(.sectors, p.sector)]
            case "places", "place": return p.places.map { .place($0) }
            case "value": return one(p.value.map { .money($0) })
            case "status": return [.code(.statuses, p.status.rawValue)]
            case "startYear": return one(p.startYear.map { .year($0) })
            case "endYear": return one(p.endYear.map { .year($0) })
            case "source": return one(p.source.map { .plain($0) })
            case "illustrative": return [.flag(p.illustrative)]
            default: return []
            }
        case .agreement(let a):
            switch field {
            case "id": return [.identifier(a.id)]
            case "title": return [.text(a.title)]
            case "area": return [.code(.areas, a.area)]
            case "level": return [.code(.levels, a.level.rawValue)]
            case "signed": return one(a.signed.map { .date($0) })
            case "year": return one(a.signed.map { .year($0.year) })
            case "parties": return a.parties.map { .country($0) }
            case "half", "quarter", "month": return Self.period(field, of: a.signed)
            case "place": return one(a.place.map { .place($0) })
            default: return []
            }
        case .twinCities(let t, let firstCountry, let secondCountry):
            switch field {
            case "id": return [.identifier(t.id)]
            case "first": return [.place(t.first)]
            case "second": return [.place(t.second)]
            case "cities": return [.place(t.first), .place(t.second)]
            case "firstCountry": return one(firstCountry.map { .country($0) })
            case "secondCountry": return one(secondCountry.map { .country($0) })
            case "signed": return one(t.signed.map { .date($0) })
            case "year": return one(t.signed.map { .year($0.year) })
            case "half", "quarter", "month": return Self.period(field, of: t.signed)
            default: return []
            }
        case .event(let e):
            switch field {
            case "id": return [.identifier(e.id)]
            case "kind": return [.code(.eventKinds, e.kind)]
            case "title": return [.text(e.title)]
            case "date": return one(e.date.map { .date($0) })
            case "year": return one(e.date.map { .year($0.year) })
            case "half", "quarter", "month": return Self.period(field, of: e.date)
            case "place": return one(e.place.map { .place($0) })
            default: return []
            }
        case .exchange(let x):
            switch field {
            case "id": return [.identifier(x.id)]
            case "field": return [.code(.exchangeFields, x.field)]
            case "title": return [.text(x.title)]
            case "year": return one(x.year.map { .year($0) })
            default: return []
            }
        case .honour(let h):
            switch field {
            case "id": return [.identifier(h.id)]
            case "title": return [.text(h.title)]
            case "recipient": return [.text(h.recipient)]
            case "awardedBy": return [.country(h.awardedBy)]
            case "date": return one(h.date.map { .date($0) })
            case "year": return one(h.date.map { .year($0.year) })
            case "half", "quarter", "month": return Self.period(field, of: h.date)
            default: return []
            }
        case .trade(let t):
            return t.values(field)
        }
    }

    /// The `half`, `quarter` or `month` field of a record dated `date`.
    private static func period(_ field: String, of date: CivilDate?) -> [FieldValue] {
        guard let date, let granularity = ReportPeriod.Granularity(rawValue: field) else { return [] }
        return [.period(granularity.unit(containing: date))]
    }
}
