/// A table's data rows, stored row-major in one buffer: ``width`` cells per row.
///
/// One buffer instead of an array per row lets an exporter stream a large table through memory
/// in order (see ``cells``); a row is a ``TableRow`` view into it.
public struct TableRows: RandomAccessCollection, Sendable, Equatable {
    /// Cells per row.
    public let width: Int
    /// Number of rows (kept apart from the buffer so that a table without columns still has rows).
    public let count: Int
    private let storage: ContiguousArray<CellValue>

    /// Rows of cells; a row shorter than `width` is padded with ``CellValue/empty``.
    /// `width` defaults to the longest row's length.
    public init<Rows: Sequence>(_ rows: Rows, width: Int? = nil) where Rows.Element: Collection, Rows.Element.Element == CellValue {
        let rows = Array(rows)
        let width = width ?? rows.map(\.count).max() ?? 0
        var cells = ContiguousArray<CellValue>()
        cells.reserveCapacity(width * rows.count)
        for row in rows {
            precondition(row.count <= width, "a table row has \(row.count) cells, more than its \(width) columns")
            cells.append(contentsOf: row)
            for _ in row.count..<width { cells.append(.empty) }
        }
        self.init(width: width, count: rows.count, cells: cells)
    }

    /// Rows from a buffer that already holds `count` rows of `width` cells each.
    public init(width: Int, cells: ContiguousArray<CellValue>) {
        precondition(width > 0 ? cells.count % width == 0 : cells.isEmpty, "\(cells.count) cells do not make rows of \(width)")
        self.init(width: width, count: width > 0 ? cells.count / width : 0, cells: cells)
    }

    private init(width: Int, count: Int, cells: ContiguousArray<CellValue>) {
        self.width = width
        self.count = count
        self.storage = cells
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(row: Int) -> TableRow {
        precondition(row >= 0 && row < count, "row \(row) is outside the table's \(count) rows")
        return TableRow(cells: storage, start: row * width, count: width)
    }

    /// Every cell, row after row: row `r` is `cells[r * width ..< (r + 1) * width]`.
    ///
    /// For exporters that stream a large table: reading an element of an array they hold costs
    /// no reference counting, where a copy out of an unsafe pointer retains its strings.
    public var cells: ContiguousArray<CellValue> { storage }

    /// Calls `body` with each row's cell in `column`, top to bottom, until it returns `false`.
    public func forEachCell(inColumn column: Int, _ body: (CellValue) throws -> Bool) rethrows {
        guard column >= 0 && column < width else { return }
        var index = column
        while index < storage.count {
            guard try body(storage[index]) else { return }
            index += width
        }
    }

    public static func == (lhs: TableRows, rhs: TableRows) -> Bool {
        lhs.width == rhs.width && lhs.count == rhs.count && lhs.storage == rhs.storage
    }
}
