extension TableBlock {
    /// A cross-tab as one record per row × column value: the row label, the column value's id
    /// (`2024`) and the cell, skipping empty cells and totals. Other tables come back as they are.
    ///
    /// This is what pipelines read (CSV `data`); nothing is recomputed.
    public var longForm: TableBlock {
        guard let pivot, !columns.isEmpty else { return self }
        let measureType = pivot.valueColumns.first.map { columns[$0].type } ?? .integer
        let longColumns = [columns[0], TableColumn(id: pivot.columnField, header: pivot.columnField, type: .text),
                           TableColumn(id: pivot.measure, header: pivot.measure, type: measureType)]
        var cells: [[CellValue]] = []
        for row in rows {
            for index in pivot.valueColumns where row[index] != .empty {
                cells.append([row[0], .text(columns[index].id), row[index]])
            }
        }
        return TableBlock(id: id, title: title, shortTitle: shortTitle, columns: longColumns, rows: cells, notes: notes)
    }
}
