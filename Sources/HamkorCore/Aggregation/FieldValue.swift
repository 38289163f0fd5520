import Foundation
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
    /// An exact number without a currency (a trade row's quantity).
    case decimal(Decimal)
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
        case .decimal(let number): "\(number)"
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
        case twinCities(TwinCityRecord)
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

    /// The row number of a project row read from `store`'s columns, else `nil`.
    @inline(__always)
    func projectRow(in store: ProjectColumnStore) -> Int? {
        if case .projects(let owner, let row) = backing, owner === store { return row }
        return nil
    }

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
        case .twinCities(let t): t.pair.id
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
        case .twinCities(let t): t.pair.location
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
        case .twinCities(let t): return day(t.pair.signed)
        case .event(let e): return day(e.date)
        case .exchange(let x): return years(x.year, x.year)
        case .honour(let h): return day(h.date)
        case .trade(let t): return (t.period.start, t.period.end)
        }
    }

    /// The values of a field (none when the record leaves it empty), read as the record kind's
    /// ``RecordSchema`` declares; field names are those of ``RecordSource/fields``.
    func values(_ field: String) -> [FieldValue] {
        if case .projects(let store, let row) = backing { return store.values(field, at: row) }
        return Self.schema(of: record).readers[field]?(record) ?? []
    }

    /// The schema of a record's kind.
    private static func schema(of record: Record) -> RecordSchema {
        switch record {
        case .project: .projects
        case .agreement: .agreements
        case .twinCities: .twinCities
        case .event: .events
        case .exchange: .exchanges
        case .honour: .honours
        case .trade: .trade
        }
    }
}
