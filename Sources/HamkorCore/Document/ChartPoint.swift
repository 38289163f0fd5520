import Foundation

/// One labelled value of a single-series chart.
public struct ChartPoint: Sendable, Equatable {
    public var label: String
    public var value: Decimal

    public init(label: String, value: Decimal) {
        self.label = label
        self.value = value
    }
}
