import HamkorLocalization

/// The fields of a record kind as flat sources — CSV tables, workbook registers, database rows —
/// give them: one named text value per field. The one table from which those readers know
/// which fields exist, which are required and how each is read (``FlatRecordReader``).
public struct RecordSchema: Sendable {
    /// How a flat field's text is read.
    public enum Kind: Sendable, Equatable {
        /// A record id (see ``Identifier``).
        case identifier
        /// Text in one language (`name.ru`); `name` alone is English.
        case text
        /// Untranslated text, such as provenance.
        case plain
        /// A code of one of the vocabulary's lists.
        case code(Vocabulary.List)
        /// One ISO 3166-1 country code.
        case country
        /// Country codes separated by `|` or spaces.
        case countries
        /// Place codes separated by `|` or spaces.
        case places
        /// An exact decimal amount, never negative.
        case amount
        /// An ISO 4217 currency code.
        case currency
        /// A year 1900–2100.
        case year
        /// A period: a year, half, quarter or month (`2024`, `2024-H1`, `2024-Q3`, `2024-07`).
        case period
        /// `true`/`false`, `yes`/`no`, `1`/`0`.
        case flag
    }

    /// One field: its flat name, how it reads, and whether a record needs it.
    public struct Field: Sendable {
        public var name: String
        public var kind: Kind
        public var isRequired: Bool
    }

    public let source: RecordSource
    public let fields: [Field]

    /// The field named `name`, if the schema has it.
    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }

    /// The field names, in schema order.
    public var names: [String] { fields.map(\.name) }

    /// The record kinds flat sources can give, and their schemas.
    public static func schema(for source: RecordSource) -> RecordSchema? {
        switch source {
        case .projects: projects
        case .trade: trade
        default: nil
        }
    }

    /// Projects: the columns of a project table.
    public static let projects = RecordSchema(source: .projects, fields: [
        Field(name: "id", kind: .identifier, isRequired: true),
        Field(name: "name", kind: .text, isRequired: false),
    ] + LanguageTag.allCases.map { Field(name: "name.\($0.tag)", kind: .text, isRequired: false) } + [
        Field(name: "partners", kind: .countries, isRequired: false),
        Field(name: "sector", kind: .code(.sectors), isRequired: true),
        Field(name: "places", kind: .places, isRequired: false),
        Field(name: "value", kind: .amount, isRequired: false),
        Field(name: "currency", kind: .currency, isRequired: false),
        Field(name: "status", kind: .code(.statuses), isRequired: true),
        Field(name: "startYear", kind: .year, isRequired: false),
        Field(name: "endYear", kind: .year, isRequired: false),
        Field(name: "source", kind: .plain, isRequired: false),
        Field(name: "illustrative", kind: .flag, isRequired: false),
    ])

    /// Trade flows: one row per reporter, partner, period, direction and HS commodity, as
    /// ``TradeFlow`` holds them (turnover is derived, never read).
    public static let trade = RecordSchema(source: .trade, fields: [
        Field(name: "reporter", kind: .country, isRequired: true),
        Field(name: "partner", kind: .country, isRequired: true),
        Field(name: "period", kind: .period, isRequired: true),
        Field(name: "flow", kind: .code(.tradeFlows), isRequired: true),
        Field(name: "section", kind: .code(.hsSections), isRequired: false),
        Field(name: "chapter", kind: .code(.hsChapters), isRequired: false),
        Field(name: "value", kind: .amount, isRequired: true),
        Field(name: "currency", kind: .currency, isRequired: true),
        Field(name: "quantity", kind: .amount, isRequired: false),
        Field(name: "unit", kind: .plain, isRequired: false),
        Field(name: "illustrative", kind: .flag, isRequired: false),
    ])
}
