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
        case .flag(let flag): flag ? "1" : "0"
        }
    }
}

/// A record viewed as named fields; multi-valued fields (places, partners) hold several values.
struct RecordRow: Sendable {
    var id: String
    var fields: [String: [FieldValue]]
    /// Where the record is defined (for diagnostics); set for projects.
    var location: SourceLocation? = nil

    func values(_ field: String) -> [FieldValue] { fields[field] ?? [] }
    func first(_ field: String) -> FieldValue { fields[field]?.first ?? .none }
}
