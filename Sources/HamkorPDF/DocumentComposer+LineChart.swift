import Foundation
import HamkorCore

/// Line charts: one line per series through the categories, with a marker at every value, over
/// a value axis of compact numbers that covers zero and any negative value. Category labels sit
/// under their points; when they would not fit side by side, every second (third, …) label is
/// shown, so labels never overlap, and each stays inside the plot's width.
extension DocumentComposer {
    mutating func composeLine(_ chart: ChartBlock, titleHeight: Double) {
        let values = chart.series.map { $0.values.map { NSDecimalNumber(decimal: $0).doubleValue } }
        let all = values.joined()
        let ticks = NiceScale.ticks(from: all.min() ?? 0, upTo: all.max() ?? 0)
        let bottom = ticks.first ?? 0, top = ticks.last ?? 1
        let axisWidth = axisLabelWidth(ticks)
        let plotLeft = composer.left + axisWidth + 8
        let plotRight = composer.left + composer.width
        let count = chart.categories.count
        let slot = (plotRight - plotLeft) / Double(count)
        let labelBoxes = Self.labelBoxes(count: count, slot: slot, plotLeft: plotLeft, plotRight: plotRight,
                                         widest: chart.categories.map { composer.canvas.naturalWidth($0, style: .axis) }.max() ?? 0)
        let labelHeight = labelBoxes.map { composer.height(chart.categories[$0.index], .axis, width: $0.width - 4) }.max() ?? 0
        let plotHeight = Self.plotHeight
        placeTitle(chart, keeping: titleHeight + plotHeight + labelHeight + 30, marker: .line)
        let plotTop = composer.y + 8
        let baseline = plotTop + plotHeight
        func y(_ value: Double) -> Double { baseline - plotHeight * (value - bottom) / (top - bottom) }
        func x(_ index: Int) -> Double { plotLeft + slot * (Double(index) + 0.5) }

        for tick in ticks {
            composer.place(.line(x1: plotLeft, y1: y(tick), x2: plotRight, y2: y(tick), width: tick == 0 ? 0.7 : 0.4,
                                 color: tick == 0 ? .muted : .faintRule))
            composer.place(.text(context.locale.compact(Decimal(tick)), .axis, x: composer.left, y: y(tick) - 4.5, width: axisWidth,
                                 alignment: .trailing, color: .muted))
        }
        for box in labelBoxes {
            composer.place(.line(x1: x(box.index), y1: baseline, x2: x(box.index), y2: baseline + 2.5, width: 0.5, color: .muted))
            composer.place(.text(chart.categories[box.index], .axis, x: box.x + 2, y: baseline + 4, width: box.width - 4,
                                 alignment: .center, color: .text))
        }
        for (series, seriesValues) in values.enumerated() {
            let color = RGB.palette[series % RGB.palette.count]
            let points = seriesValues.enumerated().map { (x($0.offset), y($0.element)) }
            composer.place(.polyline(points.map { (x: $0.0, y: $0.1) }, width: 1.6, color: color))
            for point in points { composer.place(.dot(centerX: point.0, centerY: point.1, radius: 2.2, color: color)) }
        }
        composer.y = baseline + 4 + labelHeight
    }

    /// The labelled categories and their boxes: every `step`-th category, where `step` is the
    /// fewest slots the widest label fits in, each box `step` slots wide around its point and
    /// cut to the plot's width. Boxes never overlap, so neither do labels.
    static func labelBoxes(count: Int, slot: Double, plotLeft: Double, plotRight: Double,
                           widest: Double) -> [(index: Int, x: Double, width: Double)] {
        guard count > 0, slot > 0 else { return [] }
        let step = min(count, max(1, Int(((widest + 6) / slot).rounded(.up))))
        let span = slot * Double(step)
        return stride(from: 0, to: count, by: step).map { index in
            let center = plotLeft + slot * (Double(index) + 0.5)
            let left = max(plotLeft, center - span / 2), right = min(plotRight, center + span / 2)
            return (index, left, right - left)
        }
    }
}
