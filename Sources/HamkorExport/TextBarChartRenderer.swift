import Foundation
import HamkorCore

/// Draws a chart as horizontal bars of block characters: label, bar, value — one point per
/// line, values aligned at the right, bars scaled to the largest value in eighths of a cell.
/// Zero and negative values get no bar. Labels wider than a third of the line wrap.
struct TextBarChartRenderer {
    var width: Int
    var formatter: CellFormatter

    private static let partialBlocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    private static let minimumBar = 6

    func render(_ chart: ChartBlock, valueColumn: ColumnType?) -> [String] {
        let labels = chart.points.map(\.label)
        let values = chart.points.map { formatter.string(forNumber: $0.value, column: valueColumn) }
        guard !chart.points.isEmpty else { return [] }
        let valueWidth = values.map { DisplayWidth.of($0) }.max() ?? 0
        var labelWidth = min(labels.map { DisplayWidth.of($0) }.max() ?? 0, max(4, width / 3))
        var barWidth = width - labelWidth - valueWidth - 2
        if barWidth < Self.minimumBar {
            labelWidth = max(4, labelWidth - (Self.minimumBar - barWidth))
            barWidth = width - labelWidth - valueWidth - 2
        }
        guard barWidth >= Self.minimumBar - 2 else {
            // Too narrow for bars: a plain list.
            return zip(labels, values).flatMap { TextWrapper(width: width, nextPrefix: "    ").wrap("\($0): \($1)") }
        }
        let doubles = chart.points.map { NSDecimalNumber(decimal: $0.value).doubleValue }
        let largest = doubles.map { abs($0) }.max() ?? 0

        var lines: [String] = []
        for index in chart.points.indices {
            let eighths = largest > 0 && doubles[index] > 0
                ? Int((doubles[index] / largest * Double(barWidth * 8)).rounded()) : 0
            let bar = String(repeating: "█", count: eighths / 8) + Self.partialBlocks[eighths % 8]
            let labelLines = TextWrapper(width: labelWidth).wrap(labels[index])
            for (lineIndex, label) in labelLines.enumerated() {
                var line = DisplayWidth.pad(label, to: labelWidth)
                if lineIndex == 0 {
                    line += " " + DisplayWidth.pad(bar, to: barWidth) + " "
                        + DisplayWidth.pad(values[index], to: valueWidth, alignRight: true)
                }
                lines.append(TextWrapper.trimmingTrailingSpaces(line))
            }
        }
        return lines
    }
}
