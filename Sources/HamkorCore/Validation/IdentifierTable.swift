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

    /// An empty table for the rows of `ids` (each added by ``insert(_:)``).
    init(ids: [String]) {
        self.ids = ids
        var capacity = 16
        while capacity < ids.count * 2 { capacity *= 2 }
        slots = Array(repeating: Self.empty, count: capacity)
    }

    /// Adds row `row` and returns `nil`, or returns an earlier added row with the same id (and
    /// leaves the table as it was).
    mutating func insert(_ row: Int) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(ids[row]) & mask
        while slots[slot] != Self.empty {
            let other = Int(slots[slot])
            if ids[other] == ids[row] { return other }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(row)
        return nil
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
