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
}
