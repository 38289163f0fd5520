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

    public init(dataset: Dataset, vocabulary: Vocabulary, locale: ReportLocale, generatedAt: Date,
                diagnostics: DiagnosticLog = DiagnosticLog()) {
        self.dataset = dataset
        self.vocabulary = vocabulary
        self.locale = locale
        self.generatedAt = generatedAt
        self.diagnostics = diagnostics
    }

    /// Builds the document.
    public func build(_ definition: ReportDefinition) throws -> ReportDocument {
        let context = BuildContext(builder: self, definition: definition)
        var blocks: [ReportBlock] = []
        var tables: [String: TableBlock] = [:]
        for section in definition.sections {
            switch section {
            case .heading(let text):
                blocks.append(.heading(try context.t(text, "section heading")))
            case .keyFigures(let title, let figures):
                let built = try figures.flatMap { try context.keyFigures($0) }
                blocks.append(.keyFigures(KeyFiguresBlock(title: try title.map { try context.t($0, "section heading") }, figures: built)))
            case .table(let definition):
                let table = try TableComputer(context: context, definition: definition).build()
                tables[definition.id] = table
                blocks.append(.table(table))
            case .chart(let chart):
                if let block = try context.chart(chart, tables: tables) { blocks.append(.chart(block)) }
            case .paragraph(let paragraph):
                blocks.append(.paragraph(try context.paragraph(paragraph)))
            case .list(let list):
                let block = try context.list(list)
                if !block.items.isEmpty { blocks.append(.bulletList(block)) }
            case .notes(let notes):
                blocks.append(.notes(try notes.map { try context.t($0, "note") }))
            }
        }
        let hasIllustrative = dataset.projects.contains(where: \.illustrative)
        return ReportDocument(
            reportID: definition.id,
            title: try context.t(definition.title, "report title"),
            subtitle: try definition.subtitle.map { try context.t($0, "report subtitle") },
            language: locale.language,
            generatedAt: generatedAt,
            dataSources: try dataset.info.sources.map { try context.resolve($0, at: nil) },
            isSampleData: dataset.info.isSample,
            hasIllustrativeFigures: hasIllustrative,
            blocks: blocks,
            labels: try context.labels())
    }
}
