/// A table: typed columns, rows of typed cells, and an optional total row.
public struct TableBlock: Sendable, Equatable {
    /// A stable id (`by-sector`), the same in every language; used in file and sheet names.
    public var id: String
    /// The localized title.
    public var title: String
    /// A short localized name for a worksheet tab (the exporter enforces the format's rules).
    public var shortTitle: String
    public var columns: [TableColumn]
    /// Data rows, one cell per column, in one row-major buffer.
    public var rows: TableRows
    /// The total row, when the definition asks for one.
    public var total: TotalRow?
    /// Localized footnotes for this table (for example, currencies kept apart).
    public var notes: [String]
    /// Set when the table is a cross-tab: which columns hold the cells and which the row totals.
    public var pivot: PivotLayout?

    public init(id: String, title: String, shortTitle: String, columns: [TableColumn], rows: TableRows,
                total: TotalRow? = nil, notes: [String] = []) {
        self.id = id
        self.title = title
        self.shortTitle = shortTitle
        self.columns = columns
        self.rows = rows
        self.total = total
        self.notes = notes
        self.pivot = nil
    }

    /// A table from rows of cells (a short row is padded with empty cells).
    public init(id: String, title: String, shortTitle: String, columns: [TableColumn], rows: [[CellValue]],
                total: TotalRow? = nil, notes: [String] = []) {
        self.init(id: id, title: title, shortTitle: shortTitle, columns: columns,
                  rows: TableRows(rows, width: max(columns.count, rows.map(\.count).max() ?? 0)), total: total, notes: notes)
    }
}

/// How a cross-tab sits in its table: column 0 labels the rows, `valueColumns` hold one
/// measure per column value (a year), and `totalColumn`, when present, each row's total of them.
///
/// Spreadsheets write the row totals as live sums over the value cells; CSV `data` writes the
/// cells long, one record per row × column value.
public struct PivotLayout: Sendable, Equatable {
    /// The stable id of the column field (`year`), the header of the long form's column values.
    public var columnField: String
    /// The stable id of the measure (`turnover`), the header of the long form's values.
    public var measure: String
    public var valueColumns: Range<Int>
    public var totalColumn: Int?

    public init(columnField: String, measure: String, valueColumns: Range<Int>, totalColumn: Int?) {
        self.columnField = columnField
        self.measure = measure
        self.valueColumns = valueColumns
        self.totalColumn = totalColumn
    }
}

/// A table column: stable id, localized header, and the type of its cells.
public struct TableColumn: Sendable, Equatable {
    /// A stable id (`value`), used as the header of data-dialect CSV in every language.
    public var id: String
    public var header: String
    public var type: ColumnType

    public init(id: String, header: String, type: ColumnType) {
        self.id = id
        self.header = header
        self.type = type
    }
}

/// What a column holds, so exporters can pick alignment and number formats.
public enum ColumnType: Sendable, Equatable, Hashable {
    case text
    /// An identifier (project id): text that must never be read as a number or formula.
    case identifier
    case integer
    case decimal(fractionDigits: Int)
    /// Money; `currency` is set when every cell shares it.
    case money(currency: String?)
    /// A fraction shown as a percentage with this many fraction digits.
    case percent(fractionDigits: Int)
    case date
    case year
    case country
    /// A vocabulary code shown as its translated name.
    case code

    /// Whether cells are numbers (right-aligned, summable).
    public var isNumeric: Bool {
        switch self {
        case .integer, .decimal, .money, .percent: true
        case .text, .identifier, .date, .year, .country, .code: false
        }
    }
}

/// The total row of a table: a label and, per column, nothing or the column's total.
public struct TotalRow: Sendable, Equatable {
    public var label: String
    /// One entry per column.
    public var cells: [TotalCell]

    public init(label: String, cells: [TotalCell]) {
        self.label = label
        self.cells = cells
    }
}

/// One cell of a total row.
public enum TotalCell: Sendable, Equatable {
    case none
    /// The row's label sits in this column.
    case label
    /// The sum of the column's data cells, computed by the core. Spreadsheet exporters write it
    /// as a live formula with this as its cached result.
    case sum(CellValue)
    /// A figure of the whole table that is no sum of the column (the average annual growth of
    /// all rows, a pivot's growth of its totals), computed by the core and written as a value.
    case value(CellValue)
}
