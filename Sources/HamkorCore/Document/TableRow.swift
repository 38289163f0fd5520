/// One data row of a table: its cells, indexed from 0 by column.
///
/// A view into ``TableRows``' buffer; it keeps that buffer alive, not a copy of it.
public struct TableRow: RandomAccessCollection, Sendable, Equatable {
    private let cells: ContiguousArray<CellValue>
    private let start: Int
    /// Cells in the row (the table's width).
    public let count: Int

    init(cells: ContiguousArray<CellValue>, start: Int, count: Int) {
        self.cells = cells
        self.start = start
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(column: Int) -> CellValue {
        precondition(column >= 0 && column < count, "column \(column) is outside the row's \(count) cells")
        return cells[start + column]
    }

    public static func == (lhs: TableRow, rhs: TableRow) -> Bool {
        lhs.elementsEqual(rhs)
    }
}
