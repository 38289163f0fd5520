/// Where a chart's data sits in the document: a table, its category column and one value
/// column per series, in series order (data rows only).
public struct ChartSource: Sendable, Equatable {
    public var tableID: String
    public var categoryColumn: Int
    public var valueColumns: [Int]

    public init(tableID: String, categoryColumn: Int, valueColumns: [Int]) {
        self.tableID = tableID
        self.categoryColumn = categoryColumn
        self.valueColumns = valueColumns
    }

    /// The source of a single-series chart.
    public init(tableID: String, categoryColumn: Int, valueColumn: Int) {
        self.init(tableID: tableID, categoryColumn: categoryColumn, valueColumns: [valueColumn])
    }
}
