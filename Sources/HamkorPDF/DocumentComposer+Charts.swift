import Foundation
import HamkorCore
import HamkorExport

/// Charts, drawn as vectors: bars (horizontal), columns (vertical; drawn as bars when the
/// category labels would not fit side by side, so labels never overlap) and pies with a
/// legend. Axis numbers are the language's compact numbers (`2,1 млрд`).
extension DocumentComposer {
    static let plotHeight = 160.0

    mutating func composeChart(_ chart: ChartBlock) {
        guard !chart.points.isEmpty else { return }
        composer.space(8)
        let titleHeight = composer.height(chart.title, .blockTitle, width: composer.width)
        switch chart.kind {
        case .bar:
            composeBars(chart, titleHeight: titleHeight)
        case .column:
            let slot = (composer.width - axisLabelWidth(chart) - 8) / Double(chart.points.count)
            if slot < 42 { composeBars(chart, titleHeight: titleHeight) } else { composeColumns(chart, titleHeight: titleHeight, slot: slot) }
        case .pie:
            composePie(chart, titleHeight: titleHeight)
        }
        composer.y += 8
    }

    private mutating func placeTitle(_ chart: ChartBlock, keeping height: Double) {
        composer.ensure(height)
        composer.place(.bookmark(chart.title, level: 1, y: composer.y))
        composer.paragraph(chart.title, .blockTitle)
        if !chart.valueAxisTitle.isEmpty { composer.paragraph(chart.valueAxisTitle, .small, color: .muted) }
        composer.y += 6
    }

    private func values(_ chart: ChartBlock) -> [Double] {
        chart.points.map { max(0, NSDecimalNumber(decimal: $0.value).doubleValue) }
    }

    /// The value column's type, for value labels formatted as the table shows them.
    private func valueColumn(_ chart: ChartBlock) -> ColumnType? {
        guard let source = chart.source, let table = document.tables.first(where: { $0.id == source.tableID }),
              table.columns.indices.contains(source.valueColumn) else { return nil }
        return table.columns[source.valueColumn].type
    }

    private func ticks(_ chart: ChartBlock) -> [Double] {
        NiceScale.ticks(upTo: values(chart).max() ?? 0)
    }

    private func axisLabelWidth(_ chart: ChartBlock) -> Double {
        ticks(chart).map { composer.canvas.naturalWidth(context.locale.compact(Decimal($0)), style: .axis) }.max() ?? 0
    }

    private mutating func composeBars(_ chart: ChartBlock, titleHeight: Double) {
        let values = values(chart), ticks = ticks(chart)
        let top = ticks.last ?? 1
        let labels = chart.points.map(\.label)
        let valueLabels = chart.points.map { formatter.string(forNumber: $0.value, column: valueColumn(chart)) }
        let labelWidth = min(composer.width * 0.34, (labels.map { composer.canvas.naturalWidth($0, style: .axis) }.max() ?? 0) + 2)
        let valueWidth = (valueLabels.map { composer.canvas.naturalWidth($0, style: .axis) }.max() ?? 0) + 4
        let plotLeft = composer.left + labelWidth + 6
        let plotWidth = composer.width - labelWidth - 6 - valueWidth
        let slots = labels.map { max(composer.height($0, .axis, width: labelWidth), 10) + 6 }
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
            let length = plotWidth * values[index] / top
            composer.place(.rectangle(x: plotLeft, y: y + 2, width: length, height: slot - 4, color: RGB.palette[0]))
            composer.place(.text(valueLabels[index], .axis, x: plotLeft + length + 3, y: y + 3, width: valueWidth,
                                 alignment: .leading, color: .muted))
            y += slot
        }
        composer.place(.line(x1: plotLeft, y1: plotTop, x2: plotLeft, y2: y, width: 0.7, color: .muted))
        composer.y = plotTop + height
    }

    private mutating func composeColumns(_ chart: ChartBlock, titleHeight: Double, slot: Double) {
        let values = values(chart), ticks = ticks(chart)
        let top = ticks.last ?? 1
        let axisWidth = axisLabelWidth(chart)
        let plotLeft = composer.left + axisWidth + 8
        let labelHeight = chart.points.map { composer.height($0.label, .axis, width: slot - 4) }.max() ?? 0
        let plotHeight = Self.plotHeight
        placeTitle(chart, keeping: titleHeight + plotHeight + labelHeight + 30)
        let plotTop = composer.y + 8
        let baseline = plotTop + plotHeight
        for tick in ticks {
            let y = baseline - plotHeight * tick / top
            composer.place(.line(x1: plotLeft, y1: y, x2: plotLeft + slot * Double(values.count), y2: y, width: 0.4, color: .faintRule))
            composer.place(.text(context.locale.compact(Decimal(tick)), .axis, x: composer.left, y: y - 4.5, width: axisWidth,
                                 alignment: .trailing, color: .muted))
        }
        for (index, point) in chart.points.enumerated() {
            let x = plotLeft + slot * Double(index)
            let height = plotHeight * values[index] / top
            composer.place(.rectangle(x: x + slot * 0.18, y: baseline - height, width: slot * 0.64, height: height, color: RGB.palette[0]))
            composer.place(.text(point.label, .axis, x: x + 2, y: baseline + 4, width: slot - 4, alignment: .center, color: .text))
        }
        composer.place(.line(x1: plotLeft, y1: baseline, x2: plotLeft + slot * Double(values.count), y2: baseline, width: 0.7, color: .muted))
        composer.y = baseline + 4 + labelHeight
    }

    private mutating func composePie(_ chart: ChartBlock, titleHeight: Double) {
        let values = values(chart)
        let sum = values.reduce(0, +)
        guard sum > 0 else { return }
        let radius = 70.0, legendLeft = composer.left + 2 * radius + 30
        let legendWidth = composer.left + composer.width - legendLeft - 14
        let entries = chart.points.map { "\($0.label) — \(formatter.string(forNumber: $0.value, column: valueColumn(chart)))" }
        let heights = entries.map { composer.height($0, .axis, width: legendWidth) + 4 }
        let height = max(2 * radius, heights.reduce(0, +))
        placeTitle(chart, keeping: titleHeight + height + 20)
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
