import Foundation
import HamkorCore
import HamkorExport
import HamkorLocalization

/// Lays one ``ReportDocument`` out as a workbook: the summary sheet, the table sheets, the charts.
///
/// Rows of each sheet are written strictly top to bottom, so the same code serves libxlsxwriter's
/// constant-memory mode, which streams each finished row to disk.
final class WorkbookRenderer {
    let document: ReportDocument
    let context: ExportContext
    let configuration: XLSXConfiguration
    var formats: NumberFormats
    var namer = SheetNamer()
    /// Where each rendered table's data sits, for charts and totals.
    var placements: [String: TablePlacement] = [:]
    /// The (first) sheet name of each rendered table, by table id.
    var sheetNames: [String: String] = [:]
    /// The row where the next chart beside a table goes, per sheet name, to stack them.
    var nextChartRow: [String: Int] = [:]
    /// Created at ``render(to:temporaryFolder:)``.
    var workbook: Workbook!

    init(document: ReportDocument, context: ExportContext, configuration: XLSXConfiguration) {
        self.document = document
        self.context = context
        self.configuration = configuration
        self.formats = NumberFormats(locale: context.locale)
    }

    /// Writes the whole workbook to `path`.
    func render(to path: String, temporaryFolder: String) throws {
        let constantMemory = document.tables.contains { $0.rows.count > configuration.constantMemoryRowThreshold }
        workbook = try Workbook(path: path, constantMemory: constantMemory,
                                temporaryFolder: constantMemory ? temporaryFolder : nil)
        try setProperties()
        let summary = try workbook.addWorksheet(named: claimSheetName(document.labels.summary, fallback: "Summary"))
        // Table sheets are named up front so that the summary can link to them.
        for table in document.tables where sheetNames[table.id] == nil {
            sheetNames[table.id] = claimSheetName(table.shortTitle, fallback: table.id)
        }
        summary.activate()
        let summaryCharts = try writeSummary(on: summary)
        for table in document.tables {
            try writeTable(table)
        }
        for chart in document.charts {
            if drawsOnTableSheet(chart), let source = chart.source, let placement = placements[source.tableID] {
                try drawChart(chart, source: source, placement: placement)
            } else if let source = chart.source {
                report("chart '\(chart.id)' cannot be drawn from table '\(source.tableID)' (no such table, columns "
                       + "or rows); " + (chart.points.isEmpty ? "it is left out" : "it is drawn from its own points on the summary sheet"))
            }
        }
        for pending in summaryCharts {
            try drawSummaryChart(pending, on: summary)
        }
        for warning in try workbook.close() { report("libxlsxwriter: \(warning)") }
    }

    // MARK: Shared helpers

    /// Claims a sheet name and reports when it had to differ from the proposal.
    func claimSheetName(_ proposed: String, fallback: String) -> String {
        let name = namer.claim(proposed, fallback: fallback)
        if name != proposed {
            report("sheet name '\(proposed)' was changed to '\(name)' to meet Excel's rules")
        }
        return name
    }

    /// Text cut to what a cell holds, with a diagnostic when cut.
    func cellText(_ text: String, at sheet: String, row: Int, column: Int) -> String {
        guard let cut = ExcelLimits.truncated(text, toUTF16: ExcelLimits.maximumCellCharacters) else { return text }
        report("cell \(sheet)!\(CellReference.cell(row: row, column: column)) was cut to "
               + "\(cut.utf16.count) characters (it had \(text.utf16.count); a cell holds \(ExcelLimits.maximumCellCharacters))")
        return cut
    }

    /// Writes document text as a string cell (never a formula), cut to the cell limit.
    func writeText(_ text: String, on sheet: Worksheet, row: Int, column: Int, style: CellStyle = .plain) throws {
        let format = try workbook.formats.format(style)
        try sheet.write(text: cellText(text, at: sheet.name, row: row, column: column), row: row, column: column, format: format)
    }

    /// Records a non-fatal problem.
    func report(_ message: String) {
        context.diagnostics.report(Diagnostic(.warning, "xlsx: \(message)"))
    }

    /// A header or footer string: `&` escaped, cut to 255 characters without splitting a code.
    func headerFooter(prefix: String, template: String, sheet: String) -> String {
        let escaped = template.replacingOccurrences(of: "&", with: "&&")
            .replacingOccurrences(of: "{pages}", with: "&N")
            .replacingOccurrences(of: "{page}", with: "&P")
        let full = prefix + escaped
        guard var cut = ExcelLimits.truncated(full, toUTF16: ExcelLimits.maximumHeaderFooterCharacters) else { return full }
        let trailingAmpersands = cut.reversed().prefix { $0 == "&" }.count
        if trailingAmpersands % 2 == 1 { cut.removeLast() }
        report("the page header or footer of sheet '\(sheet)' was cut to \(ExcelLimits.maximumHeaderFooterCharacters) characters")
        return cut
    }

    /// The number behind a typed value, as a double for the XML.
    static func double(_ value: Decimal) -> Double {
        DecimalConversion.double(value)
    }

    private func setProperties() throws {
        // Readers see category and keywords in the file's properties: in the report language.
        let keywords = [document.title, document.labels.languageName, "Hamkor"].joined(separator: ", ")
        var comments: [String] = []
        if document.isSampleData { comments.append(document.labels.sampleData) }
        if document.hasIllustrativeFigures { comments.append(document.labels.illustrativeNote) }
        try workbook.setProperties(DocumentProperties(
            title: document.title,
            subject: document.subtitle ?? document.title,
            author: configuration.author,
            company: configuration.company.isEmpty ? nil : configuration.company,
            category: document.labels.category,
            keywords: keywords,
            comments: comments.isEmpty ? nil : comments.joined(separator: " "),
            created: Int(document.generatedAt.timeIntervalSince1970.rounded(.down))))
        try workbook.setCustomProperty("Language", document.language.tag)
        try workbook.setCustomProperty("Report", document.reportID)
    }
}
