import Foundation
import HamkorCore

/// Draws a chart of any kind as horizontal bars of block characters: label, bar, value — one
/// value per line, values aligned at the right, bars scaled to the largest value of every
/// series in eighths of a cell. A chart of several series (a line chart of exports and
/// imports) gives each category one line per series, the series named between the label and
/// the bar. Zero and negative values get no bar. Labels wider than a third of the line wrap.
struct TextBarChartRenderer {
    var width: Int
    var formatter: CellFormatter

    private static let partialBlocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    private static let minimumBar = 6

    /// One line of the chart: its category (on a category's first line only), series and value.
    private struct Entry {
        var label: String
        var series: String
        var value: Decimal
        var text: String
    }

    /// The lines; `valueColumns[s]` is the table column type of series `s`, for values formatted
    /// as the table shows them.
    func render(_ chart: ChartBlock, valueColumns: [ColumnType?]) -> [String] {
        guard !chart.isEmpty else { return [] }
        let named = chart.series.count > 1
        var entries: [Entry] = []
        for (index, category) in chart.categories.enumerated() {
            for (number, series) in chart.series.enumerated() {
                let value = series.values[index]
                entries.append(Entry(label: number == 0 ? category : "", series: named ? series.name : "", value: value,
                                     text: formatter.string(forNumber: value, column: number < valueColumns.count ? valueColumns[number] : nil)))
            }
        }
        let valueWidth = entries.map { DisplayWidth.of($0.text) }.max() ?? 0
        let seriesWidth = named ? (entries.map { DisplayWidth.of($0.series) }.max() ?? 0) + 1 : 0
        var labelWidth = min(chart.categories.map { DisplayWidth.of($0) }.max() ?? 0, max(4, width / 3))
        var barWidth = width - labelWidth - seriesWidth - valueWidth - 2
        if barWidth < Self.minimumBar {
            labelWidth = max(4, labelWidth - (Self.minimumBar - barWidth))
            barWidth = width - labelWidth - seriesWidth - valueWidth - 2
        }
        guard barWidth >= Self.minimumBar - 2 else {
            // Too narrow for bars: a plain list.
            return entries.flatMap { entry -> [String] in
                let head = [entry.label, entry.series].filter { !$0.isEmpty }.joined(separator: " ")
                return TextWrapper(width: width, firstPrefix: entry.label.isEmpty ? "  " : "", nextPrefix: "    ")
                    .wrap("\(head): \(entry.text)")
            }
        }
        let doubles = entries.map { NSDecimalNumber(decimal: $0.value).doubleValue }
        let largest = doubles.map { abs($0) }.max() ?? 0

        var lines: [String] = []
        for (index, entry) in entries.enumerated() {
            let eighths = largest > 0 && doubles[index] > 0
                ? Int((doubles[index] / largest * Double(barWidth * 8)).rounded()) : 0
            let bar = String(repeating: "█", count: eighths / 8) + Self.partialBlocks[eighths % 8]
            let labelLines = TextWrapper(width: labelWidth).wrap(entry.label)
            for (lineIndex, label) in labelLines.enumerated() {
                var line = DisplayWidth.pad(label, to: labelWidth)
                if lineIndex == 0 {
                    if named { line += " " + DisplayWidth.pad(entry.series, to: seriesWidth - 1) }
                    line += " " + DisplayWidth.pad(bar, to: barWidth) + " "
                        + DisplayWidth.pad(entry.text, to: valueWidth, alignRight: true)
                }
                lines.append(TextWrapper.trimmingTrailingSpaces(line))
            }
        }
        return lines
    }
}
