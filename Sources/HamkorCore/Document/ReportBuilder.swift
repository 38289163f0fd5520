import Foundation
import HamkorLocalization

/// Builds a ``ReportDocument`` from a dataset and a definition for one language.
///
/// Figures are computed once, in `Decimal`, in a deterministic order (ties broken by code);
/// shares add up to exactly 100 % as displayed; money is converted only with the dataset's
/// own rates. Text is translated through the catalogs; a missing translation falls back to
/// English and is reported to `diagnostics` (or throws, with a strict translator).
public struct ReportBuilder: Sendable {
    public let dataset: Dataset
    public let vocabulary: Vocabulary
    public let locale: ReportLocale
    /// When the document says it was generated (inject a fixed value for reproducible output).
    public let generatedAt: Date
    public let diagnostics: DiagnosticLog
    /// The report's resolved parameters (see ``ParameterResolver``).
    public let parameters: ReportParameters

    public init(dataset: Dataset, vocabulary: Vocabulary, locale: ReportLocale, generatedAt: Date,
                diagnostics: DiagnosticLog = DiagnosticLog(), parameters: ReportParameters = ReportParameters()) {
        self.dataset = dataset
        self.parameters = parameters
        self.vocabulary = vocabulary
        self.locale = locale
        self.generatedAt = generatedAt
        self.diagnostics = diagnostics
    }

    /// Drops a heading that nothing follows before the next heading or the end: its section's
    /// content was all left out for lack of data.
    static func withoutEmptyHeadings(_ blocks: [ReportBlock]) -> [ReportBlock] {
        var kept: [ReportBlock] = []
        for block in blocks {
            if case .heading = block, case .heading? = kept.last { kept.removeLast() }
            kept.append(block)
        }
        if case .heading? = kept.last { kept.removeLast() }
        return kept
    }

    /// Builds the document.
    public func build(_ definition: ReportDefinition) throws -> ReportDocument {
        let context = try BuildContext(builder: self, definition: definition)
        let computed = ConcurrentSections(definition.sections, context: context)
        var blocks: [ReportBlock] = []
        var tables: [String: TableBlock] = [:]
        for (index, section) in definition.sections.enumerated() {
            switch section {
            case .heading(let text):
                blocks.append(.heading(try context.text(text, "section heading")))
            case .keyFigures, .paragraph:
                if let block = try computed.block(at: index, of: section, context: context) { blocks.append(block) }
            case .table(let definition):
                // A table restricted by a parameter (a period, a partner) with no rows there is left
                // out, and its charts with it; an unrestricted table is shown even when empty.
                guard case .table(let table)? = try computed.block(at: index, of: section, context: context) else {
                    preconditionFailure("a table section makes a table")
                }
                let restricted = definition.filter.values.contains { $0.contains { $0.hasPrefix("{") && $0.hasSuffix("}") } }
                if table.rows.count > 0 || !restricted {
                    tables[definition.id] = table
                    blocks.append(.table(table))
                }
            case .chart(let chart):
                if let block = try context.chart(chart, tables: tables) { blocks.append(.chart(block)) }
            case .list(let list):
                let block = try context.list(list)
                if !block.items.isEmpty { blocks.append(.bulletList(block)) }
            case .events(let events):
                blocks += try context.eventParagraphs(events).map { .paragraph($0) }
            case .notes(let notes):
                blocks.append(.notes(try notes.map { try context.text($0, "note") }))
            }
        }
        blocks = Self.withoutEmptyHeadings(blocks)
        // A period (or partner) with nothing in the data says so, rather than give a blank report.
        if !blocks.contains(where: \.holdsData) {
            let text = if let period = context.parameterTexts["period"] {
                try PlaceholderTemplate(try context.t("The data hold no records for {period}.", "paragraph")).render(["period": period])
            } else {
                try context.t("The data hold no records for this report.", "paragraph")
            }
            blocks.append(.paragraph(text))
        }
        let hasIllustrative = dataset.projects.illustrativeColumn.contains(true) || dataset.trade.contains(where: \.illustrative)
        return ReportDocument(
            reportID: definition.id,
            title: try context.text(definition.title, "report title"),
            subtitle: try definition.subtitle.map { try context.text($0, "report subtitle") },
            language: locale.language,
            generatedAt: generatedAt,
            dataSources: try dataset.info.sources.map { try context.resolve($0, at: nil) },
            isSampleData: dataset.info.isSample,
            hasIllustrativeFigures: hasIllustrative,
            blocks: blocks,
            labels: try context.labels())
    }
}
