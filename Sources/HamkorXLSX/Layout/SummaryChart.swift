import HamkorCore

/// A chart drawn from data written on the summary sheet (its block had no usable source table).
struct SummaryChart {
    var chart: ChartBlock
    var firstRow: Int
    var lastRow: Int
}
