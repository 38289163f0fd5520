import Foundation

/// One measure of a chart: its name (the localized header of its table column) and one value
/// per category of the chart.
public struct ChartSeries: Sendable, Equatable {
    public var name: String
    public var values: [Decimal]

    public init(name: String, values: [Decimal]) {
        self.name = name
        self.values = values
    }
}
