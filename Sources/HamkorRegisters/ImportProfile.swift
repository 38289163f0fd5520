import HamkorCore

/// How one sheet of a workbook register maps onto a record kind: which sheet, where the header
/// is, which column holds which field, how values and units translate, where the records end,
/// and — for wide statistics tables — which columns are periods. Read from YAML by
/// ``ImportProfileReader``; docs/DATA.md has a complete example.
public struct ImportProfile: Sendable {
    /// Where a field's value comes from.
    public enum Source: Sendable, Equatable {
        /// The column whose header matches one of these texts (any language; case, spaces and
        /// line breaks ignored; `Group / Sub` for a column under a merged group header).
        case header([String])
        /// A column by its letter.
        case column(Int)
        /// The same value for every record.
        case constant(String)
    }

    /// One field's mapping.
    public struct FieldMapping: Sendable {
        public var field: String
        public var source: Source
        /// Multiplier for amounts (`млн долл. США` → 1,000,000).
        public var unit: RegisterUnit?
        /// Where the mapping is written in the profile, for errors about it.
        public var location: SourceLocation
    }

    /// A wide table: each column whose header is a period becomes one record.
    public struct Periods: Sendable {
        /// The field the column's period goes to (`period`).
        public var field: String
        /// The field the cell's value goes to (`value`).
        public var value: String
        public var unit: RegisterUnit?
        public var location: SourceLocation
    }

    public var file: String
    public var schema: RecordSchema
    /// The sheet's name; `nil`: the first visible sheet.
    public var sheet: String?
    /// The first header row (1-based) and how many rows the header spans.
    public var headerRow: Int
    public var headerRows: Int
    public var fields: [FieldMapping]
    public var periods: Periods?
    /// Extra value maps per field: normalized text → value, beyond the catalogs' names.
    public var values: [String: [String: String]]
    /// A row with a cell whose text starts with one of these (normalized) ends the records.
    public var endMarkers: [String]
    /// The decimal mark of numbers written as text when only `,` or only `.` appears: `,` or `.`.
    public var decimalMark: Character
}
