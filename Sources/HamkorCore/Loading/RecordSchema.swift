import HamkorLocalization

/// The typed field table of one record kind: every field's name and ``FieldType``, whether a
/// source must give it, and how a report reads it from a record.
///
/// Everything that knows a kind's fields derives from this one table:
/// - the YAML/JSON reader's keys (``stored`` fields, nested: `value: {amount, currency}`),
/// - the flat form of CSV tables, workbook registers and database rows (``columns``),
/// - the fields a report definition may name, with their types (``RecordSource/fields``),
/// - a report's field access (``RecordRow/values(_:)``).
///
/// The records themselves are built from the fields a reader found by ``RecordAssembler``,
/// where the rules between fields (an end year not before the start year) are written once.
public final class RecordSchema: Sendable {
    /// Whether a source gives a field, and must.
    public enum Presence: Sendable, Equatable {
        /// A source must give the field.
        case required
        /// A source may give the field.
        case optional
        /// Computed from other fields (a signature's year); sources never give it.
        case derived
    }

    /// One field of the kind.
    public struct Field: Sendable {
        public let name: String
        public let type: FieldType
        public let presence: Presence
        /// Whether report definitions may name the field (not a trade row's quantity:
        /// quantities in different units do not add up).
        public let isReported: Bool
        /// The field's values in a record (none when the record leaves it empty).
        let read: @Sendable (RecordRow.Record) -> [FieldValue]
        /// The same values read from a dataset's project columns (projects only).
        let readColumn: (@Sendable (ProjectColumns, Int) -> [FieldValue])?

        /// Whether sources give this field.
        public var isStored: Bool { presence != .derived }
        /// Whether a source must give this field.
        public var isRequired: Bool { presence == .required }
    }

    /// One column of the flat form: a stored field, or one part of it (a language of a text, the
    /// currency of an amount).
    public struct Column: Sendable {
        /// The column's name: `sector`, `name.ru`, `currency`.
        public let name: String
        /// How the column's text reads (`text` for one language, `decimal` for an amount).
        public let type: FieldType
        /// The stored field the column belongs to.
        public let field: String
        /// Whether a record must give the column. The English text of a required text field
        /// may be given as `name` or `name.en`, so neither is required on its own.
        public let isRequired: Bool
    }

    public let source: RecordSource
    /// The fields, stored ones first, in the order records list them.
    public let fields: [Field]
    /// The fields sources give.
    public let stored: [Field]
    /// The names of the stored fields, as YAML and JSON records use them.
    public let storedNames: Set<String>
    /// The flat form's columns, in field order: a text field as `name` (the English text) and
    /// `name.<language>` for each language; a money field as its amount under the field's name
    /// and its currency as `currency`; every other stored field as one column.
    public let columns: [Column]
    private let slots: [String: Int]
    /// Each report field's reader, by name: what ``RecordRow/values(_:)`` calls per record.
    let readers: [String: @Sendable (RecordRow.Record) -> [FieldValue]]
    /// Each project field's reader of the columns, by name (projects only).
    let columnReaders: [String: @Sendable (ProjectColumns, Int) -> [FieldValue]]

    init(_ source: RecordSource, _ fields: [Field]) {
        self.source = source
        self.fields = fields
        var slots: [String: Int] = [:]
        for (slot, field) in fields.enumerated() {
            precondition(slots[field.name] == nil, "\(source.rawValue) declares \(field.name) twice")
            slots[field.name] = slot
        }
        self.slots = slots
        stored = fields.filter(\.isStored)
        storedNames = Set(stored.map(\.name))
        columns = Self.flatColumns(stored)
        readers = Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.read) })
        columnReaders = Dictionary(uniqueKeysWithValues: fields.compactMap { field in field.readColumn.map { (field.name, $0) } })
    }

    /// The field named `name`, if the kind has it.
    public func field(_ name: String) -> Field? { slots[name].map { fields[$0] } }

    /// The type of field `name`, which the kind must have (readers ask only for their own fields).
    func type(of name: String) -> FieldType {
        guard let slot = slots[name] else { preconditionFailure("\(source.rawValue) has no field \(name)") }
        return fields[slot].type
    }

    private static func flatColumns(_ stored: [Field]) -> [Column] {
        var columns: [Column] = []
        for field in stored {
            switch field.type {
            case .text:
                columns.append(Column(name: field.name, type: .text, field: field.name, isRequired: false))
                for language in LanguageTag.allCases {
                    columns.append(Column(name: "\(field.name).\(language.tag)", type: .text, field: field.name, isRequired: false))
                }
            case .money:
                columns.append(Column(name: field.name, type: .decimal, field: field.name, isRequired: field.isRequired))
                columns.append(Column(name: Self.currencyColumn, type: .currency, field: field.name, isRequired: field.isRequired))
            default:
                columns.append(Column(name: field.name, type: field.type, field: field.name, isRequired: field.isRequired))
            }
        }
        return columns
    }

    /// The column a flat source gives a money field's currency in.
    public static let currencyColumn = "currency"

    /// The column named `name`, if the flat form has it.
    public func column(_ name: String) -> Column? { columns.first { $0.name == name } }

    /// The flat column names, in order.
    public var names: [String] { columns.map(\.name) }

    /// The fields a report definition may name, with their types.
    public var reportFields: [String: FieldType] {
        var types: [String: FieldType] = [:]
        for field in fields where field.isReported { types[field.name] = field.type }
        return types
    }

    /// The schema of a record kind.
    public static func schema(for source: RecordSource) -> RecordSchema {
        switch source {
        case .projects: projects
        case .agreements: agreements
        case .twinCities: twinCities
        case .events: events
        case .exchanges: exchanges
        case .honours: honours
        case .trade: trade
        }
    }
}

extension RecordSchema.Field {
    /// A field of records of type `R`, read by `read`.
    static func of<R: SchemaRecord>(_ record: R.Type, _ name: String, _ type: FieldType, _ presence: RecordSchema.Presence,
                                    _ read: @escaping @Sendable (R) -> [FieldValue]) -> Self {
        Self(name: name, type: type, presence: presence, isReported: true, read: { R(unwrapping: $0).map(read) ?? [] }, readColumn: nil)
    }

    /// A field of records of type `R` that sources give but report definitions do not name.
    static func unreported<R: SchemaRecord>(_ record: R.Type, _ name: String, _ type: FieldType, _ presence: RecordSchema.Presence,
                                            _ read: @escaping @Sendable (R) -> [FieldValue]) -> Self {
        Self(name: name, type: type, presence: presence, isReported: false, read: { R(unwrapping: $0).map(read) ?? [] }, readColumn: nil)
    }

    /// A project field, read from a ``Project`` or straight from a dataset's project columns.
    static func project(_ name: String, _ type: FieldType, _ presence: RecordSchema.Presence,
                        _ read: @escaping @Sendable (Project) -> [FieldValue],
                        column: @escaping @Sendable (ProjectColumns, Int) -> [FieldValue]) -> Self {
        Self(name: name, type: type, presence: presence, isReported: true, read: { Project(unwrapping: $0).map(read) ?? [] },
             readColumn: column)
    }

    /// `half`, `quarter` and `month`: the calendar unit a record dated by `date` falls in.
    static func periods<R: SchemaRecord>(of record: R.Type, _ date: @escaping @Sendable (R) -> CivilDate?) -> [Self] {
        [ReportPeriod.Granularity.half, .quarter, .month].map { granularity in
            .of(R.self, granularity.rawValue, .period, .derived) { record in
                date(record).map { [.period(granularity.unit(containing: $0))] } ?? []
            }
        }
    }
}

/// A model type whose records a ``RecordSchema`` reads: it knows its case of ``RecordRow/Record``.
protocol SchemaRecord: Sendable {
    /// The record, when `record` is one of this type.
    init?(unwrapping record: RecordRow.Record)
}

/// `[value]`, or none for `nil`.
func one(_ value: FieldValue?) -> [FieldValue] { value.map { [$0] } ?? [] }
