import Foundation
import HamkorCore
import HamkorExport
import HamkorLocalization

/// Renders a Hamkor report as GitHub-flavoured Markdown: headings, key figures, paragraphs,
/// lists and pipe tables. An example of a format added from outside Hamkor.
public struct MarkdownExporter: ReportExporter {
    /// Settings for Markdown output.
    public struct Configuration: Sendable {
        /// Whether charts are rendered as tables of their points.
        public var includeCharts: Bool
        public init(includeCharts: Bool = true) { self.includeCharts = includeCharts }
    }

    public static let formatID = "md"
    public static let summary = "Markdown (example third-party exporter)"
    public let fileExtension = "md"
    public let mediaType = "text/markdown; charset=utf-8"
    public let configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Renders one part, the Markdown text; Hamkor's driver publishes it (atomically to a
    /// file, or to standard output) and applies `--table` before this is called.
    public func render(_ document: ReportDocument, context: ExportContext, into sink: any ExportSink) throws {
        let text = render(document, locale: context.locale)
        try sink.writePart(Self.documentPart) { try $0.write(text) }
    }

    /// The Markdown text of a document.
    public func render(_ document: ReportDocument, locale: ReportLocale) -> String {
        var lines = ["# \(escape(document.title))"]
        if let subtitle = document.subtitle { lines += ["", "_\(escape(subtitle))_"] }
        if document.isSampleData { lines += ["", "> \(escape(document.labels.sampleData))"] }
        for block in document.blocks {
            lines.append("")
            switch block {
            case .heading(let text):
                lines.append("## \(escape(text))")
            case .keyFigures(let block):
                if let title = block.title { lines += ["### \(escape(title))", ""] }
                lines += block.figures.map { "- **\(escape($0.label))**: \(cell($0.value, locale))" }
            case .table(let table):
                lines += ["### \(escape(table.title))", ""]
                lines.append("| " + table.columns.map { escape($0.header) }.joined(separator: " | ") + " |")
                lines.append("|" + table.columns.map { $0.type.isNumeric ? " ---: |" : " --- |" }.joined())
                for row in table.rows { lines.append("| " + row.map { cell($0, locale) }.joined(separator: " | ") + " |") }
                if let total = table.total {
                    let cells = total.cells.map { cell -> String in
                        switch cell {
                        case .none: ""
                        case .label: "**\(escape(total.label))**"
                        case .sum(let value), .value(let value): "**\(self.cell(value, locale))**"
                        }
                    }
                    lines.append("| " + cells.joined(separator: " | ") + " |")
                }
                lines += table.notes.map { "\n_\(escape($0))_" }
            case .chart(let chart):
                guard configuration.includeCharts else { continue }
                lines += ["### \(escape(chart.title))", "", "| \(escape(chart.categoryAxisTitle)) | \(escape(chart.valueAxisTitle)) |", "| --- | ---: |"]
                lines += chart.points.map { "| \(escape($0.label)) | \(locale.decimal($0.value, fractionDigits: 0)) |" }
            case .paragraph(let text):
                lines.append(escape(text))
            case .bulletList(let list):
                if let title = list.title { lines += ["**\(escape(title))**", ""] }
                lines += list.items.map { "- \(escape($0))" }
            case .notes(let notes):
                lines += notes.map { "_\(escape($0))_" }
            }
        }
        if !document.dataSources.isEmpty {
            lines += ["", "---", "", "**\(escape(document.labels.dataSources))**", ""]
            lines += document.dataSources.map { "- \(escape($0))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func cell(_ value: CellValue, _ locale: ReportLocale) -> String {
        switch value {
        case .empty: ""
        case .text(let text): escape(text)
        case .integer(let n): locale.integer(n)
        case .decimal(let d, let digits): locale.decimal(d, fractionDigits: digits)
        case .money(let money): locale.money(money.amount, currency: money.currency)
        case .percent(let p): locale.percent(p)
        case .date(let date): locale.date(date, .table)  // the numeric style every table uses
        case .year(let year): String(year)
        case .coded(_, let label): escape(label)
        }
    }

    /// Escapes Markdown's active characters so text from data stays text.
    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_{}[]<>()#+-!|".contains(character) { result.append("\\") }
            result.append(character == "\n" ? " " : character)
        }
        return result
    }
}
