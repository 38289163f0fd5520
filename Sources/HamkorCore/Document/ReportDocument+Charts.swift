extension ReportDocument {
    /// The table column type of each series of `chart` (`nil` where the source table or column
    /// is missing), so that exporters show a chart's values as its table shows them.
    public func valueColumnTypes(of chart: ChartBlock) -> [ColumnType?] {
        let table = chart.source.flatMap { source in tables.first { $0.id == source.tableID } }
        return chart.series.indices.map { index in
            guard let table, let column = chart.source?.valueColumns.dropFirst(index).first,
                  table.columns.indices.contains(column) else { return nil }
            return table.columns[column].type
        }
    }
}
