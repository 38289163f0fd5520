import Foundation
import HamkorCore
import HamkorLocalization

/// Writes a report as a plain-text briefing: UTF-8, LF line ends, every line at most
/// ``TextConfiguration/width`` display columns (counted by ``DisplayWidth``, never splitting a
/// grapheme cluster).
///
/// Layout, blocks separated by one empty line:
/// - the title, underlined with `=` as wide as its longest line; the subtitle; a
///   "Generated: <date and time> UTC" line; a "Language: <name>" line; and, for sample data,
///   a `(!)` banner with ``ReportLabels/sampleData``;
/// - headings underlined with `-`; key figures in two columns (labels padded to the longest);
///   paragraphs wrapped; bullet lists as `  • item` with a hanging indent; tables aligned
///   (see `TextTableRenderer`: numbers right, text left, wrapped or re-laid out to fit);
///   charts as horizontal bars of `█`, whatever their kind; notes as numbered footnotes `[1]`;
/// - at the end, after a rule, the data sources and the sample-data and illustrative notices.
///
/// Cells are formatted by ``CellFormatter`` with long dates.
public struct TextBriefingExporter: ReportExporter {
    public static let formatID = "txt"
    public static let summary = "Plain-text briefing, wrapped to a fixed width"

    public let configuration: TextConfiguration

    public init(configuration: TextConfiguration = TextConfiguration()) {
        self.configuration = configuration
    }

    public var fileExtension: String { "txt" }
    public var mediaType: String { "text/plain; charset=utf-8" }

    public func render(_ document: ReportDocument, context: ExportContext, into sink: any ExportSink) throws {
        let text = render(document, context: context)
        try sink.writePart(Self.documentPart) { try $0.write(text) }
    }

    /// The briefing as a string (what ``export(_:context:to:)`` writes).
    public func render(_ document: ReportDocument, context: ExportContext) -> String {
        var renderer = BriefingRenderer(document: document, width: configuration.width, context: context)
        return renderer.render()
    }
}

/// The state of one briefing being laid out.
private struct BriefingRenderer {
    let document: ReportDocument
    let width: Int
    let context: ExportContext
    let formatter: CellFormatter
    var sections: [[String]] = []
    var footnoteNumber = 0

    init(document: ReportDocument, width: Int, context: ExportContext) {
        self.document = document
        self.width = width
        self.context = context
        formatter = CellFormatter(locale: context.locale, dateLength: .table)
    }

    mutating func render() -> String {
        renderHeader()
        for block in document.blocks { renderBlock(block) }
        renderFooter()
        let lines = sections.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }
        return lines.joined(separator: "\n\n") + "\n"
    }

    private func wrap(_ text: String, first: String = "", next: String = "") -> [String] {
        TextWrapper(width: width, firstPrefix: first, nextPrefix: next).wrap(text)
    }

    private func underlined(_ text: String, with rule: Character) -> [String] {
        let lines = wrap(text)
        let ruleWidth = lines.map { DisplayWidth.of($0) }.max() ?? 0
        return lines + [String(repeating: rule, count: max(1, ruleWidth))]
    }

    private mutating func renderHeader() {
        var lines = underlined(document.title, with: "=")
        if let subtitle = document.subtitle, !subtitle.isEmpty { lines += wrap(subtitle) }
        sections.append(lines)

        let labels = document.labels
        let generated = context.locale.dateTime(document.generatedAt, timeZone: TimeZone(identifier: "UTC")!)
        var meta = wrap("\(labels.generated): \(generated)", next: "    ")
        meta += wrap("\(labels.language): \(labels.languageName)", next: "    ")
        if document.isSampleData { meta += wrap(labels.sampleData, first: "(!) ", next: "    ") }
        sections.append(meta)
    }

    private mutating func renderBlock(_ block: ReportBlock) {
        switch block {
        case .heading(let text):
            sections.append(underlined(text, with: "-"))
        case .keyFigures(let block):
            sections.append(underlined(block.title ?? document.labels.keyFigures, with: "-") + keyFigureLines(block.figures))
        case .table(let table):
            var lines = wrap(table.title)
            lines += TextTableRenderer(width: width, formatter: formatter, diagnostics: context.diagnostics).render(table.droppingIdentifierColumns())
            lines += footnoteLines(table.notes)
            sections.append(lines)
        case .chart(let chart):
            var lines = wrap(chart.title)
            if !chart.valueAxisTitle.isEmpty { lines += wrap("(\(chart.valueAxisTitle))") }
            lines += TextBarChartRenderer(width: width, formatter: formatter).render(chart, valueColumns: document.valueColumnTypes(of: chart))
            sections.append(lines)
        case .paragraph(let text):
            sections.append(wrap(text))
        case .bulletList(let list):
            var lines = list.title.map { wrap($0) } ?? []
            for item in list.items { lines += wrap(item, first: "  • ", next: "    ") }
            sections.append(lines)
        case .notes(let notes):
            sections.append(footnoteLines(notes))
        }
    }

    private mutating func footnoteLines(_ notes: [String]) -> [String] {
        notes.flatMap { note -> [String] in
            footnoteNumber += 1
            let marker = "[\(footnoteNumber)] "
            return wrap(note, first: marker, next: String(repeating: " ", count: marker.count))
        }
    }

    /// Labels left, values right after them; labels over half the width wrap.
    private func keyFigureLines(_ figures: [KeyFigure]) -> [String] {
        let values = figures.map { formatter.string(for: $0.value) }
        let labelWidth = min(figures.map { DisplayWidth.of($0.label) + 1 }.max() ?? 0, width / 2)
        let valueWidth = width - labelWidth - 2
        var lines: [String] = []
        for (figure, value) in zip(figures, values) {
            let labelLines = TextWrapper(width: labelWidth).wrap(figure.label + ":")
            let valueLines = TextWrapper(width: valueWidth).wrap(value)
            for index in 0..<max(labelLines.count, valueLines.count) {
                let label = index < labelLines.count ? labelLines[index] : ""
                let value = index < valueLines.count ? valueLines[index] : ""
                lines.append(TextWrapper.trimmingTrailingSpaces(DisplayWidth.pad(label, to: labelWidth) + "  " + value))
            }
        }
        return lines
    }

    private mutating func renderFooter() {
        var lines: [String] = []
        if !document.dataSources.isEmpty {
            lines += wrap("\(document.labels.dataSources):")
            for source in document.dataSources { lines += wrap(source, first: "  • ", next: "    ") }
        }
        if document.isSampleData { lines += wrap(document.labels.sampleData) }
        if document.hasIllustrativeFigures { lines += wrap(document.labels.illustrativeNote) }
        guard !lines.isEmpty else { return }
        sections.append([String(repeating: "-", count: width)] + lines)
    }
}
