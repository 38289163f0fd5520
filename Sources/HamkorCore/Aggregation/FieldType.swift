/// The type of a record field: how a source gives it, how it groups, sums and displays.
///
/// One set of types for every use: ``RecordSchema`` declares each field with one, flat sources
/// read a column's text by it, and report definitions may sum, group or list a field by it.
public enum FieldType: Sendable, Equatable {
    /// A record id (see ``Identifier``).
    case identifier
    /// Localized text from the data (one language per flat column: `name.ru`).
    case text
    /// Plain (untranslated) text from the data, such as provenance.
    case plain
    /// A code of one of the vocabulary's lists.
    case code(Vocabulary.List)
    /// One ISO 3166-1 country code.
    case country
    /// Country codes (a flat column separates them by `|` or spaces).
    case countries
    /// One place code.
    case place
    /// Place codes (a flat column separates them by `|` or spaces).
    case places
    /// An exact amount with its currency (flat sources give it as two columns: the field's name
    /// holds the amount, `currency` the ISO 4217 code).
    case money
    /// An exact decimal number without a currency, never negative, such as a quantity.
    case decimal
    /// An ISO 4217 currency code.
    case currency
    /// A year 1900–2100.
    case year
    /// A day (ISO 8601 `YYYY-MM-DD`).
    case date
    /// A year, half, quarter or month (`2024`, `2024-H1`, `2024-Q3`, `2024-07`): a trade row's
    /// period, or the half, quarter or month a dated record falls in; groups and pivot columns
    /// in time order, printed as the language writes periods.
    case period
    /// `true`/`false` (flat sources also take `yes`/`no`, `1`/`0`).
    case flag

    /// Whether `sum`, `min` and `max` apply.
    public var isNumeric: Bool { self == .money || self == .year }

    /// Whether a field of this type may hold several values per record.
    public var isList: Bool { self == .countries || self == .places }
}
