import HamkorCore

/// Native charts, drawn from the cells they describe.
extension WorkbookRenderer {
    /// The height of a default row in pixels, to stack charts by rows without overlap.
    private static let rowHeightInPixels = 20

    /// Draws a chart beside its source table, over the table's data rows (first sheet of the table).
    func drawChart(_ chart: ChartBlock, source: ChartSource, placement: TablePlacement) throws {
        guard let part = placement.parts.first, part.rowCount > 0 else { return }
        let handle = try workbook.addChart(kind(chart.kind))
        try handle.addSeries(name: chart.seriesName, sheet: part.sheet.name, firstRow: part.firstDataRow,
                             lastRow: part.lastDataRow, categoryColumn: source.categoryColumn, valueColumn: source.valueColumn)
        try handle.setTitles(title: chart.title, categoryAxis: chart.categoryAxisTitle, valueAxis: chart.valueAxisTitle)
        if let table = document.tables.first(where: { $0.id == source.tableID }),
           let first = table.rows.first(where: { $0.indices.contains(source.valueColumn) && $0[source.valueColumn] != .empty }),
           let plan = placement.plans[safe: source.valueColumn] {
            let kind = ValueKind(first[source.valueColumn], percentDigits: plan.percentDigits, moneyDigits: plan.moneyDigits)
            if let code = numberFormat(kind), kind != .date, kind != .year { handle.setValueNumberFormat(code) }
        }
        let size = Chart.size(kind: handle.kind, categories: part.rowCount)
        let row = nextChartRow[part.sheet.name, default: Self.headerRow]
        nextChartRow[part.sheet.name] = row + (size.height + Self.rowHeightInPixels - 1) / Self.rowHeightInPixels + 1
        try part.sheet.insert(handle, row: row, column: placement.columnCount + 1, width: size.width, height: size.height,
                              description: chart.title)
    }

    /// Draws a chart from the points written on the summary sheet, beside them.
    func drawSummaryChart(_ pending: SummaryChart, on sheet: Worksheet) throws {
        let chart = pending.chart
        let handle = try workbook.addChart(kind(chart.kind))
        try handle.addSeries(name: chart.seriesName, sheet: sheet.name, firstRow: pending.firstRow,
                             lastRow: pending.lastRow, categoryColumn: 0, valueColumn: 1)
        try handle.setTitles(title: chart.title, categoryAxis: chart.categoryAxisTitle, valueAxis: chart.valueAxisTitle)
        let size = Chart.size(kind: handle.kind, categories: pending.lastRow - pending.firstRow + 1)
        try sheet.insert(handle, row: pending.firstRow, column: 3, width: size.width, height: size.height, description: chart.title)
    }

    private func kind(_ kind: ChartBlock.Kind) -> Chart.Kind {
        switch kind {
        case .bar: .bar
        case .column: .column
        case .pie: .pie
        }
    }
}
