import Testing
@testable import HamkorCore

/// The radix order of integer keys is a stable sort's: by key, ascending or descending, rows
/// with equal keys in row order.
@Suite struct KeyOrderTests {
    /// The order a stable comparison sort gives.
    private func reference(_ keys: [Int64], descending: Bool) -> [Int] {
        keys.indices.sorted { a, b in
            keys[a] != keys[b] ? (descending ? keys[a] > keys[b] : keys[a] < keys[b]) : a < b
        }
    }

    @Test(arguments: [false, true])
    func radixOrderIsAStableSortsOrder(descending: Bool) {
        var random = SplitMix(seed: 19)
        let ranges: [ClosedRange<Int64>] = [0...9, -1_000...1_000, 0...499_990_000, Int64.min...Int64.max, 5...5]
        for range in ranges {
            for count in [0, 1, 7, KeyOrder.radixThreshold - 1, KeyOrder.radixThreshold, 20_011] {
                var keys = (0..<count).map { _ in Int64.random(in: range, using: &random) }
                if count > 2 { keys[0] = range.lowerBound; keys[count - 1] = range.upperBound }
                #expect(KeyOrder.rows(sortedBy: keys, descending: descending) == reference(keys, descending: descending),
                        "\(range), \(count) rows")
            }
        }
    }
}
