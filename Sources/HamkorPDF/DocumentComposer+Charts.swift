import Foundation
import HamkorCore
import HamkorExport

/// Charts, drawn as vectors: bars (horizontal), columns (vertical; drawn as bars when the
/// category labels would not fit side by side, so labels never overlap), lines (see
/// `DocumentComposer+LineChart.swift`) and pies with a legend. Several series are drawn side
/// by side within a category and named in a legend above the plot. Axis numbers are the
/// language's compact numbers (`2,1 млрд`); value labels are formatted as the table shows them.
extension DocumentComposer {
    static let plotHeight = 160.0

    mutating func composeChart(_ chart: ChartBlock) {
        guard !chart.isEmpty else { return }
        composer.space(8)
        let titleHeight = composer.height(chart.title, .blockTitle, width: composer.width)
        switch chart.kind {
        case .bar:
            composeBars(chart, titleHeight: titleHeight)
        case .column:
            let slot = (composer.width - axisLabelWidth(ticks(chart)) - 8) / Double(chart.categories.count)
            if slot < 42 { composeBars(chart, titleHeight: titleHeight) } else { composeColumns(chart, titleHeight: titleHeight, slot: slot) }
        case .line:
            composeLine(chart, titleHeight: titleHeight)
        case .pie:
            composePie(chart, titleHeight: titleHeight)
        }
        composer.y += 8
    }

    /// The title, value-axis title and (for several series) the legend, on the page where the
    /// chart's `height` below them fits.
    mutating func placeTitle(_ chart: ChartBlock, keeping height: Double, marker: LegendMarker = .square) {
        let legend = legendRows(chart)
        composer.ensure(height + legend.height)
        composer.place(.bookmark(chart.title, level: 1, y: composer.y))
        composer.paragraph(chart.title, .blockTitle)
        if !chart.valueAxisTitle.isEmpty { composer.paragraph(chart.valueAxisTitle, .small, color: .muted) }
        composer.y += 6
        for row in legend.rows {
            for entry in row {
                let x = composer.left + entry.x, color = RGB.palette[entry.series % RGB.palette.count]
                switch marker {
                case .square:
                    composer.place(.rectangle(x: x, y: composer.y + 1.5, width: 8, height: 8, color: color))
                case .line:
                    composer.place(.line(x1: x, y1: composer.y + 5.5, x2: x + 12, y2: composer.y + 5.5, width: 1.6, color: color))
                    composer.place(.dot(centerX: x + 6, centerY: composer.y + 5.5, radius: 2.2, color: color))
                }
                composer.place(.text(chart.series[entry.series].name, .axis, x: x + Self.legendSwatch, y: composer.y + 1,
                                     width: entry.width, alignment: .leading, color: .text))
            }
            composer.y += Self.legendRowHeight
        }
        if !legend.rows.isEmpty { composer.y += 4 }
    }

    /// How a legend entry marks its series.
    enum LegendMarker { case square, line }

    private static let legendSwatch = 16.0
    private static let legendRowHeight = 13.0

    /// The legend's entries flowed into rows across the text width (none for a single series).
    private func legendRows(_ chart: ChartBlock) -> (rows: [[(series: Int, x: Double, width: Double)]], height: Double) {
        guard chart.series.count > 1 else { return ([], 0) }
        var rows: [[(series: Int, x: Double, width: Double)]] = [[]]
        var x = 0.0
        for (index, series) in chart.series.enumerated() {
            let width = min(composer.canvas.naturalWidth(series.name, style: .axis) + 1, composer.width - Self.legendSwatch)
            if x > 0, x + Self.legendSwatch + width > composer.width {
                rows.append([])
                x = 0
            }
            rows[rows.count - 1].append((index, x, width))
            x += Self.legendSwatch + width + 14
        }
        return (rows, Double(rows.count) * Self.legendRowHeight + 4)
    }

    /// Every value of every series as a double, negatives as zero (bars and columns start at zero).
    private func values(_ chart: ChartBlock) -> [[Double]] {
        chart.series.map { $0.values.map { max(0, NSDecimalNumber(decimal: $0).doubleValue) } }
    }

    /// Series `index`'s values formatted as its table column shows them.
    func valueLabels(_ chart: ChartBlock, series index: Int) -> [String] {
        let column = document.valueColumnTypes(of: chart)[index]
        return chart.series[index].values.map { formatter.string(forNumber: $0, column: column) }
    }

    private func ticks(_ chart: ChartBlock) -> [Double] {
        NiceScale.ticks(upTo: values(chart).joined().max() ?? 0)
    }

    /// The widest axis number of `ticks`.
    func axisLabelWidth(_ ticks: [Double]) -> Double {
        ticks.map { composer.canvas.naturalWidth(context.locale.compact(Decimal($0)), style: .axis) }.max() ?? 0
    }

    private mutating func composeBars(_ chart: ChartBlock, titleHeight: Double) {
        let values = values(chart), ticks = ticks(chart), count = chart.series.count
        let top = ticks.last ?? 1
        let labels = chart.categories
        let valueTexts = chart.series.indices.map { valueLabels(chart, series: $0) }
        let labelWidth = min(composer.width * 0.34, (labels.map { composer.canvas.naturalWidth($0, style: .axis) }.max() ?? 0) + 2)
        let valueWidth = (valueTexts.joined().map { composer.canvas.naturalWidth($0, style: .axis) }.max() ?? 0) + 4
        let plotLeft = composer.left + labelWidth + 6
        let plotWidth = composer.width - labelWidth - 6 - valueWidth
        let slots = labels.map { max(composer.height($0, .axis, width: labelWidth), 10 * Double(count)) + 6 }
        let height = slots.reduce(0, +) + 14
        placeTitle(chart, keeping: titleHeight + height + 20)
        let plotTop = composer.y
        for (tick, value) in zip(ticks, ticks.map { plotLeft + plotWidth * $0 / top }) {
            composer.place(.line(x1: value, y1: plotTop, x2: value, y2: plotTop + height - 14, width: 0.4, color: .faintRule))
            let text = context.locale.compact(Decimal(tick))
            let width = composer.canvas.naturalWidth(text, style: .axis) + 2
            composer.place(.text(text, .axis, x: value - width / 2, y: plotTop + height - 12, width: width,
                                 alignment: .center, color: .muted))
        }
        var y = plotTop
        for (index, slot) in slots.enumerated() {
            composer.place(.text(labels[index], .axis, x: composer.left, y: y + 3, width: labelWidth, alignment: .trailing, color: .text))
            let thickness = (slot - 4) / Double(count)
            for series in 0..<count {
                let barTop = y + 2 + thickness * Double(series)
                let length = plotWidth * values[series][index] / top
                composer.place(.rectangle(x: plotLeft, y: barTop, width: length, height: thickness,
                                          color: RGB.palette[series % RGB.palette.count]))
                composer.place(.text(valueTexts[series][index], .axis, x: plotLeft + length + 3, y: barTop + thickness / 2 - 4.5,
                                     width: valueWidth, alignment: .leading, color: .muted))
            }
            y += slot
        }
        composer.place(.line(x1: plotLeft, y1: plotTop, x2: plotLeft, y2: y, width: 0.7, color: .muted))
        composer.y = plotTop + height
    }

    private mutating func composeColumns(_ chart: ChartBlock, titleHeight: Double, slot: Double) {
        let values = values(chart), ticks = ticks(chart), count = chart.series.count
        let top = ticks.last ?? 1
        let axisWidth = axisLabelWidth(ticks)
        let plotLeft = composer.left + axisWidth + 8
        let labelHeight = chart.categories.map { composer.height($0, .axis, width: slot - 4) }.max() ?? 0
        let plotHeight = Self.plotHeight
        placeTitle(chart, keeping: titleHeight + plotHeight + labelHeight + 30)
        let plotTop = composer.y + 8
        let baseline = plotTop + plotHeight
        let plotRight = plotLeft + slot * Double(chart.categories.count)
        for tick in ticks {
            let y = baseline - plotHeight * tick / top
            composer.place(.line(x1: plotLeft, y1: y, x2: plotRight, y2: y, width: 0.4, color: .faintRule))
            composer.place(.text(context.locale.compact(Decimal(tick)), .axis, x: composer.left, y: y - 4.5, width: axisWidth,
                                 alignment: .trailing, color: .muted))
        }
        let columnWidth = slot * 0.64 / Double(count)
        for (index, label) in chart.categories.enumerated() {
            let x = plotLeft + slot * Double(index)
            for series in 0..<count {
                let height = plotHeight * values[series][index] / top
                composer.place(.rectangle(x: x + slot * 0.18 + columnWidth * Double(series), y: baseline - height,
                                          width: columnWidth, height: height, color: RGB.palette[series % RGB.palette.count]))
            }
            composer.place(.text(label, .axis, x: x + 2, y: baseline + 4, width: slot - 4, alignment: .center, color: .text))
        }
        composer.place(.line(x1: plotLeft, y1: baseline, x2: plotRight, y2: baseline, width: 0.7, color: .muted))
        composer.y = baseline + 4 + labelHeight
    }

    /// A pie of the first series, with a legend of labels and values beside it.
    private mutating func composePie(_ chart: ChartBlock, titleHeight: Double) {
        let values = values(chart)[0]
        let sum = values.reduce(0, +)
        guard sum > 0 else { return }
        let radius = 70.0, legendLeft = composer.left + 2 * radius + 30
        let legendWidth = composer.left + composer.width - legendLeft - 14
        let entries = zip(chart.categories, valueLabels(chart, series: 0)).map { "\($0) — \($1)" }
        let heights = entries.map { composer.height($0, .axis, width: legendWidth) + 4 }
        let height = max(2 * radius, heights.reduce(0, +))
        var single = chart
        single.series = [chart.series[0]]
        placeTitle(single, keeping: titleHeight + height + 20)
        let centerX = composer.left + radius + 10, centerY = composer.y + radius
        var angle = -Double.pi / 2
        var y = composer.y
        for (index, value) in values.enumerated() {
            let color = RGB.palette[index % RGB.palette.count]
            let sweep = 2 * Double.pi * value / sum
            composer.place(.wedge(centerX: centerX, centerY: centerY, radius: radius, start: angle, end: angle + sweep, color: color))
            angle += sweep
            composer.place(.rectangle(x: legendLeft, y: y + 1.5, width: 8, height: 8, color: color))
            composer.place(.text(entries[index], .axis, x: legendLeft + 14, y: y, width: legendWidth, alignment: .leading, color: .text))
            y += heights[index]
        }
        composer.y += height
    }
}
