import Foundation

/// A chart of one or more measures over one grouping, drawn from a table of the same document.
///
/// The core computes every value: `categories[i]` labels the i-th point of every series, and
/// `series[s].values[i]` is its value. Report definitions give bar, column and pie charts one
/// series and line charts one or more (exports and imports by year); an exporter draws every
/// series of a bar, column or line chart, and the first series of a pie.
public struct ChartBlock: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable { case bar, column, line, pie }

    /// A stable id.
    public var id: String
    public var kind: Kind
    public var title: String
    public var categoryAxisTitle: String
    public var valueAxisTitle: String
    /// The category labels, in table order (the rows whose every series value is a number).
    public var categories: [String]
    /// The series, each with its localized name and one value per category.
    public var series: [ChartSeries]
    /// The table the values come from, so spreadsheets can chart the cells themselves.
    public var source: ChartSource?

    public init(id: String, kind: Kind, title: String, categoryAxisTitle: String, valueAxisTitle: String,
                categories: [String], series: [ChartSeries], source: ChartSource?) {
        precondition(series.allSatisfy { $0.values.count == categories.count }, "a chart series needs one value per category")
        self.id = id
        self.kind = kind
        self.title = title
        self.categoryAxisTitle = categoryAxisTitle
        self.valueAxisTitle = valueAxisTitle
        self.categories = categories
        self.series = series
        self.source = source
    }

    /// A chart of one series given as labelled points.
    public init(id: String, kind: Kind, title: String, categoryAxisTitle: String, valueAxisTitle: String,
                seriesName: String, points: [ChartPoint], source: ChartSource?) {
        self.init(id: id, kind: kind, title: title, categoryAxisTitle: categoryAxisTitle, valueAxisTitle: valueAxisTitle,
                  categories: points.map(\.label), series: [ChartSeries(name: seriesName, values: points.map(\.value))],
                  source: source)
    }

    /// Whether there is nothing to draw (no category or no series).
    public var isEmpty: Bool { categories.isEmpty || series.isEmpty }

    /// Every value of every series, for a common scale.
    public var allValues: [Decimal] { series.flatMap(\.values) }
}
