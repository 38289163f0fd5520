import Foundation
import HamkorLocalization

/// A built report for one language: the contract between the core and every exporter.
///
/// Every figure is computed once, by the core; text is already in the report's language.
/// Exporters only render it — they never recompute a figure and never read the dataset.
public struct ReportDocument: Sendable, Equatable {
    /// The report definition's id (`portfolio`).
    public var reportID: String
    public var title: String
    public var subtitle: String?
    /// The language every string in the document is written in.
    public var language: LanguageTag
    /// When the document was built; injectable so outputs are reproducible.
    public var generatedAt: Date
    /// Provenance lines from the dataset.
    public var dataSources: [String]
    /// True when built from the bundled sample: every output must say so.
    public var isSampleData: Bool
    /// True when some figure is illustrative rather than from the record.
    public var hasIllustrativeFigures: Bool
    /// The content, in reading order.
    public var blocks: [ReportBlock]
    /// Localized captions the exporters need around the content.
    public var labels: ReportLabels

    public init(reportID: String, title: String, subtitle: String? = nil, language: LanguageTag, generatedAt: Date,
                dataSources: [String] = [], isSampleData: Bool = false, hasIllustrativeFigures: Bool = false,
                blocks: [ReportBlock] = [], labels: ReportLabels) {
        self.reportID = reportID
        self.title = title
        self.subtitle = subtitle
        self.language = language
        self.generatedAt = generatedAt
        self.dataSources = dataSources
        self.isSampleData = isSampleData
        self.hasIllustrativeFigures = hasIllustrativeFigures
        self.blocks = blocks
        self.labels = labels
    }

    /// The tables of the document, in order.
    public var tables: [TableBlock] {
        blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    /// The charts of the document, in order.
    public var charts: [ChartBlock] {
        blocks.compactMap { if case .chart(let chart) = $0 { chart } else { nil } }
    }

    /// The key figures of the document, in order.
    public var keyFigures: [KeyFigure] {
        blocks.flatMap { block -> [KeyFigure] in
            if case .keyFigures(let figures) = block { return figures.figures }
            return []
        }
    }
}
