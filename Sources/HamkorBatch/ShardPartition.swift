/// Splits a batch's units into N shards of about equal expected cost, the same way in every
/// worker.
///
/// Longest-processing-time first: units are taken by expected cost, highest first (ties by
/// batch index), and each goes to the shard with the least cost so far (ties to the lowest
/// shard). The result depends only on the units' costs and order — not on time, paths or the
/// machine — so N workers that expand the same job file agree on who runs what, and no shard
/// exceeds the average by more than one unit's cost.
public struct ShardPartition: Sendable {
    /// The shard (1-based) of each unit, by batch index.
    public let shardOfUnit: [Int]
    /// The expected cost each shard was given, by shard (index 0 is shard 1).
    public let costs: [Int]

    /// Partitions units with the given expected costs (by batch index) into `count` shards.
    public init(costs unitCosts: [Int], count: Int) {
        precondition(count >= 1)
        let order = unitCosts.indices.sorted { unitCosts[$0] != unitCosts[$1] ? unitCosts[$0] > unitCosts[$1] : $0 < $1 }
        var load = [Int](repeating: 0, count: count)
        var shardOfUnit = [Int](repeating: 1, count: unitCosts.count)
        // A binary min-heap of shards ordered by (load, shard): the least-loaded shard on top.
        var heap = Array(0..<count)
        func less(_ a: Int, _ b: Int) -> Bool { load[a] != load[b] ? load[a] < load[b] : a < b }
        for unit in order {
            let best = heap[0]
            load[best] += max(1, unitCosts[unit])
            shardOfUnit[unit] = best + 1
            var position = 0
            while true {  // sift the grown shard down
                let left = 2 * position + 1, right = left + 1
                var smallest = position
                if left < count && less(heap[left], heap[smallest]) { smallest = left }
                if right < count && less(heap[right], heap[smallest]) { smallest = right }
                if smallest == position { break }
                heap.swapAt(position, smallest)
                position = smallest
            }
        }
        self.shardOfUnit = shardOfUnit
        self.costs = load
    }
}

/// The expected cost of rendering one unit, in rough relative units, for ``ShardPartition``.
///
/// Measured on the bundled sample (`make bench`): a workbook or a PDF costs several times a
/// CSV or text file of the same report. Unknown formats (third-party exporters) count as a
/// workbook. A report's own weight (its number of sections) multiplies the format's.
public enum UnitCost {
    /// The weight of a format id.
    public static func formatWeight(_ format: String) -> Int {
        switch format {
        case "txt": 1
        case "csv": 2
        default: 6
        }
    }
}
