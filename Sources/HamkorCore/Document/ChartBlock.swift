import Foundation

/// A chart of one measure over one grouping, drawn from a table of the same document.
public struct ChartBlock: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable { case bar, column, pie }

    /// A stable id.
    public var id: String
    public var kind: Kind
    public var title: String
    public var categoryAxisTitle: String
    public var valueAxisTitle: String
    public var seriesName: String
    /// The points, in table order.
    public var points: [ChartPoint]
    /// The table the points come from, so spreadsheets can chart the cells themselves.
    public var source: ChartSource?

    public init(id: String, kind: Kind, title: String, categoryAxisTitle: String, valueAxisTitle: String,
                seriesName: String, points: [ChartPoint], source: ChartSource?) {
        self.id = id
        self.kind = kind
        self.title = title
        self.categoryAxisTitle = categoryAxisTitle
        self.valueAxisTitle = valueAxisTitle
        self.seriesName = seriesName
        self.points = points
        self.source = source
    }
}

/// One labelled value of a chart.
public struct ChartPoint: Sendable, Equatable {
    public var label: String
    public var value: Decimal

    public init(label: String, value: Decimal) {
        self.label = label
        self.value = value
    }
}

/// Where a chart's data sits in the document: a table and two of its columns (data rows only).
public struct ChartSource: Sendable, Equatable {
    public var tableID: String
    public var categoryColumn: Int
    public var valueColumn: Int

    public init(tableID: String, categoryColumn: Int, valueColumn: Int) {
        self.tableID = tableID
        self.categoryColumn = categoryColumn
        self.valueColumn = valueColumn
    }
}
