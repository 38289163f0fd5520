/// A project list's rows made from the dataset's project columns when they are read: the
/// cells of a ``ProjectCellReader`` prepared and ordered while the document was built.
final class ProjectTableCells: TableCellSource {
    private let reader: ProjectCellReader

    init(_ reader: ProjectCellReader) { self.reader = reader }

    var width: Int { reader.width }

    func cell(row: Int, column: Int) -> CellValue { reader.cell(row: row, column: column) }

    func appendCells(ofRow row: Int, to cells: inout ContiguousArray<CellValue>) {
        for column in 0..<reader.width { cells.append(reader.cell(row: row, column: column)) }
    }

    /// The cells made a column at a time, each into its place: rows in table order are scattered
    /// through the columns, and a loop over one column's rows waits for several of them at once.
    func appendCells(ofRows rows: Range<Int>, to cells: inout ContiguousArray<CellValue>) {
        let width = reader.width, start = cells.count
        cells.append(contentsOf: repeatElement(.empty, count: rows.count * width))
        for column in 0..<width {
            var index = start + column
            for row in rows {
                cells[index] = reader.cell(row: row, column: column)
                index += width
            }
        }
    }
}
