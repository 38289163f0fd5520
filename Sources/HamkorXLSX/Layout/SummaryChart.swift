import HamkorCore

/// A chart drawn from data written on the summary sheet (its block had no usable source table).
struct SummaryChart {
    var chart: ChartBlock
    var firstRow: Int
    var lastRow: Int

    /// The series drawn: every series, or a pie's first.
    var drawnSeries: [ChartSeries] { chart.kind == .pie ? Array(chart.series.prefix(1)) : chart.series }
}
