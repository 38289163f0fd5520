import Foundation
import HamkorCore
import HamkorExport

/// The summary sheet: title, provenance, banners, then the document's blocks in reading order.
extension WorkbookRenderer {
    /// Column A holds captions and running text, column B values.
    private static let labelColumn = 0
    private static let valueColumn = 1

    /// Writes the summary sheet and returns the charts to draw on it once the workbook is laid out.
    func writeSummary(on sheet: Worksheet) throws -> [SummaryChart] {
        let labels = document.labels
        let locale = context.locale
        var row = 0
        var charts: [SummaryChart] = []

        try writeText(document.title, on: sheet, row: row, column: 0, style: .title)
        row += 1
        if let subtitle = document.subtitle, !subtitle.isEmpty {
            try writeText(subtitle, on: sheet, row: row, column: 0, style: .subtitle)
            row += 1
        }
        row += 1
        try writeCaption(labels.generated, locale.dateTime(document.generatedAt, timeZone: configuration.timeZone),
                         on: sheet, row: &row)
        try writeCaption(labels.language, labels.languageName, on: sheet, row: &row)
        for (index, source) in document.dataSources.enumerated() {
            if index == 0 {
                try writeText(labels.dataSources, on: sheet, row: row, column: Self.labelColumn, style: .caption)
            }
            try writeText(source, on: sheet, row: row, column: Self.valueColumn)
            row += 1
        }
        if document.isSampleData || document.hasIllustrativeFigures { row += 1 }
        if document.isSampleData {
            try writeText(labels.sampleData, on: sheet, row: row, column: 0, style: .banner)
            row += 1
        }
        if document.hasIllustrativeFigures {
            try writeText(labels.illustrativeNote, on: sheet, row: row, column: 0, style: .note)
            row += 1
        }

        for block in document.blocks {
            switch block {
            case .heading(let text):
                row += 1
                try writeText(text, on: sheet, row: row, column: 0, style: .heading)
                row += 1
            case .keyFigures(let block):
                row += 1
                try writeText(block.title ?? labels.keyFigures, on: sheet, row: row, column: 0, style: .heading)
                row += 1
                for figure in block.figures {
                    try writeText(figure.label, on: sheet, row: row, column: Self.labelColumn)
                    try write(figure.value, on: sheet, row: row, column: Self.valueColumn)
                    row += 1
                }
            case .paragraph(let text):
                row += 1
                try writeText(text, on: sheet, row: row, column: 0)
                row += 1
            case .bulletList(let list):
                row += 1
                if let title = list.title {
                    try writeText(title, on: sheet, row: row, column: 0, style: .caption)
                    row += 1
                }
                for item in list.items {
                    try writeText("• " + item, on: sheet, row: row, column: 0, style: .bullet)
                    row += 1
                }
            case .notes(let notes):
                row += 1
                for note in notes {
                    try writeText(note, on: sheet, row: row, column: 0, style: .note)
                    row += 1
                }
            case .table(let table):
                // A link to the table's sheet, where the table is read.
                guard let name = sheetNames[table.id] else { break }
                row += 1
                try sheet.writeLink(to: CellReference.quotedSheet(name) + "!A1",
                                    text: cellText(table.title, at: sheet.name, row: row, column: 0), row: row, column: 0)
                row += 1
            case .chart(let chart):
                guard !drawsOnTableSheet(chart), !chart.isEmpty else { break }
                row += 1
                try writeText(chart.title, on: sheet, row: row, column: 0, style: .caption)
                row += 1
                let first = row
                let pending = SummaryChart(chart: chart, firstRow: first, lastRow: first + chart.categories.count - 1)
                for (index, label) in chart.categories.enumerated() {
                    try writeText(label, on: sheet, row: row, column: Self.labelColumn)
                    for (offset, series) in pending.drawnSeries.enumerated() {
                        try sheet.write(number: Self.double(series.values[index]), row: row, column: Self.valueColumn + offset)
                    }
                    row += 1
                }
                charts.append(pending)
                // Keep the chart (about 15 rows high) clear of what follows.
                row = max(row, first + 15)
            }
        }

        try sheet.setColumns(Self.labelColumn, Self.labelColumn, width: summaryLabelWidth())
        try sheet.setColumns(Self.valueColumn, Self.valueColumn, width: 28)
        sheet.setPage(landscape: false)
        try sheet.setFooter(headerFooter(prefix: "&C", template: labels.pageOfPages, sheet: sheet.name))
        return charts
    }

    private func writeCaption(_ caption: String, _ value: String, on sheet: Worksheet, row: inout Int) throws {
        try writeText(caption, on: sheet, row: row, column: Self.labelColumn, style: .caption)
        try writeText(value, on: sheet, row: row, column: Self.valueColumn)
        row += 1
    }

    /// Wide enough for the captions and key-figure labels, within the configured maximum.
    private func summaryLabelWidth() -> Double {
        let labels = document.labels
        var widest = [labels.generated, labels.language, labels.dataSources].map(DisplayWidth.widestLine).max() ?? 0
        for figure in document.keyFigures { widest = max(widest, DisplayWidth.widestLine(figure.label)) }
        return min(max(Double(widest) + 2, 24), configuration.maximumColumnWidth)
    }

    /// Whether a chart can be drawn from its source table's sheet.
    func drawsOnTableSheet(_ chart: ChartBlock) -> Bool {
        guard let source = chart.source,
              let table = document.tables.first(where: { $0.id == source.tableID }) else { return false }
        return table.columns.indices.contains(source.categoryColumn) && !source.valueColumns.isEmpty
            && source.valueColumns.allSatisfy(table.columns.indices.contains) && !table.rows.isEmpty
    }
}
