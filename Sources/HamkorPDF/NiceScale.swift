import Foundation

/// Round axis ticks: steps of 1, 2, 2.5 or 5 times a power of ten, about five of them, from
/// zero (or below the smallest value, when it is negative) up to at least the largest value.
enum NiceScale {
    static func ticks(upTo maximum: Double) -> [Double] {
        ticks(from: 0, upTo: maximum)
    }

    /// Ticks covering `minimum…maximum` and zero.
    static func ticks(from minimum: Double, upTo maximum: Double) -> [Double] {
        let low = min(0, minimum.isFinite ? minimum : 0), high = max(0, maximum.isFinite ? maximum : 0)
        guard high > low else { return [0, 1] }
        let rough = (high - low) / 5
        let power = pow(10, floor(log10(rough)))
        let step = [1, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        var ticks: [Double] = [(low / step).rounded(.down) * step]
        while ticks.last! < high { ticks.append(ticks.last! + step) }
        return ticks
    }
}
