/// Where a computed table's cells come from: a row's cells made when an exporter reads them,
/// from data the document does not copy (a million-row project list read from the dataset's
/// columns in sorted order, for instance).
///
/// A source is fixed once made: it never fails and reports nothing, so every diagnostic and
/// error of the cells is raised while the document is built, not while it is exported.
public protocol TableCellSource: Sendable {
    /// The number of cells in a row.
    var width: Int { get }

    /// The cell of `column` in row `row`.
    func cell(row: Int, column: Int) -> CellValue

    /// Appends row `row`'s cells, exactly ``width`` of them, to `cells`.
    func appendCells(ofRow row: Int, to cells: inout ContiguousArray<CellValue>)

    /// Appends the cells of `rows`, row after row, to `cells`.
    func appendCells(ofRows rows: Range<Int>, to cells: inout ContiguousArray<CellValue>)
}

extension TableCellSource {
    public func appendCells(ofRow row: Int, to cells: inout ContiguousArray<CellValue>) {
        for column in 0..<width { cells.append(cell(row: row, column: column)) }
    }

    public func appendCells(ofRows rows: Range<Int>, to cells: inout ContiguousArray<CellValue>) {
        for row in rows { appendCells(ofRow: row, to: &cells) }
    }
}
