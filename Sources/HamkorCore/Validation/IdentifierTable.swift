import Foundation

/// The rows of a column of ids, found by id without hashing a `String` per id: an
/// open-addressing table of row numbers keyed by a hash of each id's UTF-8 bytes (of its NFC
/// form when it is not ASCII, so ids that are equal as `String`s — canonically equivalent —
/// hash alike), compared as `String`s only when the hashes meet.
struct IdentifierTable {
    private let ids: [String]
    /// Row numbers, `empty` where none; the count is a power of two at least twice the rows'.
    private var slots: [Int32]
    private static let empty: Int32 = -1

    /// An empty table for the rows of `ids` (added by ``insert(_:duplicate:)``).
    init(ids: [String]) {
        self.ids = ids
        var capacity = 16
        while capacity < ids.count * 2 { capacity *= 2 }
        slots = Array(repeating: Self.empty, count: capacity)
    }

    /// Adds the rows `rows` in order, calling `duplicate` with each row whose id an earlier
    /// added row has, and that earlier row (the row is then not added).
    ///
    /// Rows go in batches: the batch's ids are hashed and their first slots read before any is
    /// added, so that the reads of a table far larger than the cache wait for memory side by side.
    mutating func insert(_ rows: Range<Int>, duplicate: (_ row: Int, _ first: Int) -> Void) {
        let mask = slots.count - 1
        let batch = 32
        var hashes = [Int](repeating: 0, count: batch)
        var seen = [Int32](repeating: 0, count: batch)
        var start = rows.lowerBound
        while start < rows.upperBound {
            let end = min(start + batch, rows.upperBound)
            for row in start..<end {
                let slot = Self.hash(ids[row]) & mask
                hashes[row - start] = slot
                seen[row - start] = slots[slot]
            }
            for row in start..<end {
                var slot = hashes[row - start]
                // An empty first slot seen before the batch began may have been filled by this batch.
                if seen[row - start] == Self.empty && slots[slot] == Self.empty {
                    slots[slot] = Int32(row)
                    continue
                }
                var found: Int?
                while slots[slot] != Self.empty {
                    let other = Int(slots[slot])
                    if ids[other] == ids[row] { found = other; break }
                    slot = (slot + 1) & mask
                }
                if let found { duplicate(row, found) } else { slots[slot] = Int32(row) }
            }
            start = end
        }
    }

    /// The added row whose id is `id`, if any.
    func row(of id: String) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(id) & mask
        while slots[slot] != Self.empty {
            let other = Int(slots[slot])
            if ids[other] == id { return other }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// FNV-1a over the id's UTF-8 bytes (its NFC form's when it is not ASCII), folded.
    private static func hash(_ id: String) -> Int {
        func fnv(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, ascii: Bool) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325, high: UInt8 = 0
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                high |= byte
            }
            return (hash, high < 0x80)
        }
        var (hash, ascii) = id.utf8.withContiguousStorageIfAvailable(fnv) ?? Array(id.utf8).withUnsafeBufferPointer(fnv)
        if !ascii {
            hash = Array(id.precomposedStringWithCanonicalMapping.utf8).withUnsafeBufferPointer(fnv).hash
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
