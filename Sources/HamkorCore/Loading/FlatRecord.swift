/// One record from a flat source — a CSV line, a workbook row, a database row: its fields' text
/// by schema name (already a plain decimal for amounts) and where the record is.
///
/// The field names and how to locate a field are the table's, shared by all its records
/// (``Layout``), so a record is its texts and a row number, and a million rows cost no
/// per-row dictionaries.
public struct FlatRecord: Sendable {
    /// The fields of one table's records and how to locate a field of a record.
    public final class Layout: Sendable {
        public let names: [String]
        let slots: [String: Int]
        private let locator: @Sendable (_ record: SourceLocation, _ row: Int, _ slot: Int) -> SourceLocation

        /// `locator` gives the location of field `slot` of the record at `record` (row `row`).
        public init(names: [String], locator: @escaping @Sendable (_ record: SourceLocation, _ row: Int, _ slot: Int) -> SourceLocation) {
            self.names = names
            var slots: [String: Int] = [:]
            for (slot, name) in names.enumerated() { slots[name] = slot }
            self.slots = slots
            self.locator = locator
        }

        func location(of slot: Int, in record: FlatRecord) -> SourceLocation {
            locator(record.location, record.row, slot)
        }
    }

    public let layout: Layout
    /// The texts, in the layout's order.
    public var texts: [String]
    /// The row number the source gives the record (a line, a sheet row, a result row).
    public var row: Int
    public var location: SourceLocation

    public init(layout: Layout, texts: [String], row: Int, location: SourceLocation) {
        self.layout = layout
        self.texts = texts
        self.row = row
        self.location = location
    }

    /// The text of field `name`, `nil` when the source has no such field.
    public func text(_ name: String) -> String? {
        layout.slots[name].map { texts[$0] }
    }

    /// Where field `name` is; the record's own location when the source has no such field.
    public func location(of name: String) -> SourceLocation {
        layout.slots[name].map { layout.location(of: $0, in: self) } ?? location
    }
}
