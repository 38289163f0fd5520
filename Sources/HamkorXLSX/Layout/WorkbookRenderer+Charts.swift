import HamkorCore

/// Native charts, drawn from the cells they describe.
extension WorkbookRenderer {
    /// The height of a default row in pixels, to stack charts by rows without overlap.
    private static let rowHeightInPixels = 20

    /// Draws a chart beside its source table, over the table's data rows (first sheet of the table).
    func drawChart(_ chart: ChartBlock, source: ChartSource, placement: TablePlacement) throws {
        guard let part = placement.parts.first, part.rowCount > 0 else { return }
        let handle = try workbook.addChart(kind(chart.kind))
        let columns = chart.kind == .pie ? Array(source.valueColumns.prefix(1)) : source.valueColumns
        for (index, column) in columns.enumerated() {
            try handle.addSeries(name: chart.series[safe: index]?.name ?? "", sheet: part.sheet.name, firstRow: part.firstDataRow,
                                 lastRow: part.lastDataRow, categoryColumn: source.categoryColumn, valueColumn: column)
        }
        try handle.setTitles(title: chart.title, categoryAxis: chart.categoryAxisTitle, valueAxis: chart.valueAxisTitle,
                             legend: columns.count > 1)
        if let table = document.tables.first(where: { $0.id == source.tableID }), let column = columns.first,
           let first = table.rows.first(where: { $0.indices.contains(column) && $0[column] != .empty }),
           let plan = placement.plans[safe: column] {
            let kind = ValueKind(first[column], percentDigits: plan.percentDigits, moneyDigits: plan.moneyDigits)
            if let code = numberFormat(kind), kind != .date, kind != .year { handle.setValueNumberFormat(code) }
        }
        let size = Chart.size(kind: handle.kind, categories: part.rowCount)
        let row = nextChartRow[part.sheet.name, default: Self.headerRow]
        nextChartRow[part.sheet.name] = row + (size.height + Self.rowHeightInPixels - 1) / Self.rowHeightInPixels + 1
        try part.sheet.insert(handle, row: row, column: placement.columnCount + 1, width: size.width, height: size.height,
                              description: chart.title)
    }

    /// Draws a chart from the values written on the summary sheet (categories in the first
    /// column, one column per series after it), beside them.
    func drawSummaryChart(_ pending: SummaryChart, on sheet: Worksheet) throws {
        let chart = pending.chart
        let handle = try workbook.addChart(kind(chart.kind))
        for (index, series) in pending.drawnSeries.enumerated() {
            try handle.addSeries(name: series.name, sheet: sheet.name, firstRow: pending.firstRow,
                                 lastRow: pending.lastRow, categoryColumn: 0, valueColumn: 1 + index)
        }
        try handle.setTitles(title: chart.title, categoryAxis: chart.categoryAxisTitle, valueAxis: chart.valueAxisTitle,
                             legend: pending.drawnSeries.count > 1)
        let size = Chart.size(kind: handle.kind, categories: pending.lastRow - pending.firstRow + 1)
        try sheet.insert(handle, row: pending.firstRow, column: 1 + pending.drawnSeries.count + 1,
                         width: size.width, height: size.height, description: chart.title)
    }

    private func kind(_ kind: ChartBlock.Kind) -> Chart.Kind {
        switch kind {
        case .bar: .bar
        case .column: .column
        case .line: .line
        case .pie: .pie
        }
    }
}
