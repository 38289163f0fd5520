import Foundation

/// Round axis ticks: 0 and steps of 1, 2, 2.5 or 5 times a power of ten, up to at least the
/// largest value, about five of them.
enum NiceScale {
    static func ticks(upTo maximum: Double) -> [Double] {
        guard maximum > 0, maximum.isFinite else { return [0, 1] }
        let rough = maximum / 5
        let power = pow(10, floor(log10(rough)))
        let step = [1, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        var ticks: [Double] = [0]
        while ticks.last! < maximum { ticks.append(ticks.last! + step) }
        return ticks
    }
}
