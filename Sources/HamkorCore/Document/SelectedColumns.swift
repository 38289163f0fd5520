/// Some columns of a computed table, in a given order: the cells of ``TableRows/selecting(_:)``.
struct SelectedColumns: TableCellSource {
    let base: any TableCellSource
    /// The base table's column of each column here.
    let columns: [Int]

    var width: Int { columns.count }

    func cell(row: Int, column: Int) -> CellValue { base.cell(row: row, column: columns[column]) }
}
