import Foundation
import Synchronization

/// The rows of a column of ids, found by id without hashing a `String` per id: open-addressing
/// tables of row numbers keyed by a hash of each id's UTF-8 bytes (of its NFC form when it is
/// not ASCII, so ids that are equal as `String`s — canonically equivalent — hash alike),
/// compared as `String`s only when the hashes meet.
///
/// The rows are split by the top bits of their hashes into parts of about 64 K rows, each with a
/// table small enough for the processor's cache (one table for a million rows would miss the
/// cache at nearly every row); equal ids hash alike, so they always meet in one part. The parts
/// are filled on every processor at once, each in row order.
struct IdentifierTable {
    private let ids: [String]
    /// Each row's hash.
    private let hashes: [UInt64]
    /// How many top bits of a hash choose its part (0: one part).
    private let partBits: Int
    /// Each part's slots: row numbers, `empty` where none; a power of two at least twice its rows.
    private let parts: [[Int32]]
    private static let empty: Int32 = -1
    /// About this many rows go to one part.
    static let rowsPerPart = 65_536

    /// The table of every row of `ids`; `duplicates` are the rows whose id an earlier row has,
    /// each with that earlier row, in row order (such a row is not in the table).
    init(ids: [String], duplicates: inout [(row: Int, first: Int)]) {
        self.ids = ids
        let hashes = ids.map(Self.hash)
        self.hashes = hashes
        var partBits = 0
        while (1 << partBits) * Self.rowsPerPart < ids.count && partBits < 16 { partBits += 1 }
        self.partBits = partBits
        let partCount = 1 << partBits
        func part(_ hash: UInt64) -> Int { partBits == 0 ? 0 : Int(hash >> UInt64(64 - partBits)) }
        // The rows of each part, in row order: a counting sort by part.
        var starts = [Int](repeating: 0, count: partCount + 1)
        for hash in hashes { starts[part(hash) + 1] += 1 }
        for index in 0..<partCount { starts[index + 1] += starts[index] }
        var rowsByPart = [Int32](repeating: 0, count: ids.count)
        var next = starts
        for (row, hash) in hashes.enumerated() {
            rowsByPart[next[part(hash)]] = Int32(row)
            next[part(hash)] += 1
        }
        let filled = Mutex([(slots: [Int32], duplicates: [(row: Int, first: Int)])](repeating: ([], []), count: partCount))
        let rows = rowsByPart, bounds = starts
        DispatchQueue.concurrentPerform(iterations: partCount) { index in
            var found: [(row: Int, first: Int)] = []
            let slots = Self.fill(rows[bounds[index]..<bounds[index + 1]], ids: ids, hashes: hashes) { found.append(($0, $1)) }
            filled.withLock { $0[index] = (slots, found) }
        }
        let results = filled.withLock { $0 }
        parts = results.map(\.slots)
        duplicates = results.flatMap(\.duplicates).sorted { $0.row < $1.row }
    }

    /// One part's slots for `rows` (in row order), calling `duplicate` with each row whose id an
    /// earlier row has and that row.
    private static func fill(_ rows: ArraySlice<Int32>, ids: [String], hashes: [UInt64],
                             duplicate: (Int, Int) -> Void) -> [Int32] {
        var capacity = 16
        while capacity < rows.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: empty, count: capacity)
        let mask = capacity - 1
        for row32 in rows {
            let row = Int(row32), hash = hashes[row]
            var slot = Int(truncatingIfNeeded: hash) & mask
            var first: Int?
            while slots[slot] != empty {
                let other = Int(slots[slot])
                if hashes[other] == hash && ids[other] == ids[row] { first = other; break }
                slot = (slot + 1) & mask
            }
            if let first { duplicate(row, first) } else { slots[slot] = row32 }
        }
        return slots
    }

    /// The row whose id is `id`, if any (the first, when several have it).
    func row(of id: String) -> Int? {
        let hash = Self.hash(id)
        let slots = parts[partBits == 0 ? 0 : Int(hash >> UInt64(64 - partBits))]
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != Self.empty {
            let other = Int(slots[slot])
            if hashes[other] == hash && ids[other] == id { return other }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// FNV-1a over the id's UTF-8 bytes (its NFC form's when it is not ASCII), its high bits
    /// folded into the low ones.
    private static func hash(_ id: String) -> UInt64 {
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
        return hash ^ (hash >> 29)
    }
}
