/// The order of rows by integer keys, as a stable sort gives it: rows with equal keys keep their
/// order. Large lists are sorted by radix (least significant digit first, eleven bits a pass,
/// only over the bits in which the keys differ), in time linear in the rows; small ones by comparison.
enum KeyOrder {
    /// Below this many rows a comparison sort is as fast.
    static let radixThreshold = 4_096

    /// The rows `0..<keys.count` ordered by `keys`, ascending or descending, equal keys in row order.
    static func rows(sortedBy keys: [Int64], descending: Bool) -> [Int] {
        guard keys.count >= radixThreshold else {
            // Keys beside their rows in one array: no key read from elsewhere per comparison.
            var keyed = keys.enumerated().map { (key: $0.element, row: Int32($0.offset)) }
            if descending { keyed.sort { $0.key > $1.key } } else { keyed.sort { $0.key < $1.key } }
            return keyed.map { Int($0.row) }
        }
        // Keys as unsigned integers in the order wanted (the sign bit flipped; all bits flipped
        // for descending), less the smallest, so that only the bits that vary are sorted.
        func ordered(_ key: Int64) -> UInt64 {
            let unsigned = UInt64(bitPattern: key) ^ (1 << 63)
            return descending ? ~unsigned : unsigned
        }
        var low = UInt64.max, high = UInt64.min
        for key in keys {
            let value = ordered(key)
            low = min(low, value)
            high = max(high, value)
        }
        let span = high - low
        let bits = span == 0 ? 0 : 64 - span.leadingZeroBitCount
        if bits <= 32 && keys.count <= Int(UInt32.max) {
            // Key and row packed in one word, the key above: half the memory moved per pass.
            let packed = keys.enumerated().map { (ordered($0.element) - low) << 32 | UInt64($0.offset) }
            return radix(packed, bits: bits, shift: 32, digit: { $0 }).map { Int($0 & 0xFFFF_FFFF) }
        }
        let pairs = keys.enumerated().map { (key: ordered($0.element) - low, row: Int32($0.offset)) }
        return radix(pairs, bits: bits, shift: 0, digit: \.key).map { Int($0.row) }
    }

    /// `entries` stably sorted by the `bits` low bits of `key(entry) >> shift`, eleven bits a pass.
    private static func radix<Entry>(_ entries: [Entry], bits: Int, shift: Int, digit key: (Entry) -> UInt64) -> [Entry] {
        let digitBits = 11, buckets = 1 << digitBits, mask = UInt64(buckets - 1)
        var current = entries, next = entries
        var counts = [Int](repeating: 0, count: buckets)
        var passShift = 0
        while passShift < bits {
            let at = UInt64(shift + passShift)
            for index in counts.indices { counts[index] = 0 }
            for entry in current { counts[Int((key(entry) >> at) & mask)] += 1 }
            var start = 0
            for index in counts.indices {
                let count = counts[index]
                counts[index] = start
                start += count
            }
            current.withUnsafeBufferPointer { source in
                next.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { starts in
                        for entry in source {
                            let digit = Int((key(entry) >> at) & mask)
                            target[starts[digit]] = entry
                            starts[digit] += 1
                        }
                    }
                }
            }
            swap(&current, &next)
            passShift += digitBits
        }
        return current
    }
}
