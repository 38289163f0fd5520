import HamkorCore

/// Native charts, drawn from the cells they describe.
extension WorkbookRenderer {
    /// Rows a chart takes, so several charts beside one table do not overlap.
    private static let chartHeightInRows = 16

    /// Draws a chart beside its source table, over the table's data rows (first sheet of the table).
    func drawChart(_ chart: ChartBlock, source: ChartSource, placement: TablePlacement) throws {
        guard let part = placement.parts.first, part.rowCount > 0 else { return }
        let handle = try workbook.addChart(kind(chart.kind))
        try handle.addSeries(name: chart.seriesName, sheet: part.sheet.name, firstRow: part.firstDataRow,
                             lastRow: part.lastDataRow, categoryColumn: source.categoryColumn, valueColumn: source.valueColumn)
        handle.setTitles(title: chart.title, categoryAxis: chart.categoryAxisTitle, valueAxis: chart.valueAxisTitle)
        if let table = selectedTables.first(where: { $0.id == source.tableID }),
           let first = table.rows.first(where: { $0.indices.contains(source.valueColumn) && $0[source.valueColumn] != .empty }),
           let plan = placement.plans[safe: source.valueColumn] {
            let kind = ValueKind(first[source.valueColumn], percentDigits: plan.percentDigits, moneyDigits: plan.moneyDigits)
            if let code = numberFormat(kind), kind != .date, kind != .year { handle.setValueNumberFormat(code) }
        }
        let index = chartsPlaced[part.sheet.name, default: 0]
        chartsPlaced[part.sheet.name] = index + 1
        try part.sheet.insert(handle, row: Self.headerRow + index * Self.chartHeightInRows,
                              column: placement.columnCount + 1)
    }

    /// Draws a chart from the points written on the summary sheet, beside them.
    func drawSummaryChart(_ pending: SummaryChart, on sheet: Worksheet) throws {
        let chart = pending.chart
        let handle = try workbook.addChart(kind(chart.kind))
        try handle.addSeries(name: chart.seriesName, sheet: sheet.name, firstRow: pending.firstRow,
                             lastRow: pending.lastRow, categoryColumn: 0, valueColumn: 1)
        handle.setTitles(title: chart.title, categoryAxis: chart.categoryAxisTitle, valueAxis: chart.valueAxisTitle)
        try sheet.insert(handle, row: pending.firstRow, column: 3)
    }

    private func kind(_ kind: ChartBlock.Kind) -> Chart.Kind {
        switch kind {
        case .bar: .bar
        case .column: .column
        case .pie: .pie
        }
    }
}
