import Foundation

/// Values found for byte strings, looked up by the bytes themselves: a reader that checks each
/// distinct code of a column once (through the rule written for `String`s) answers every later
/// row with the same bytes without making a `String`.
///
/// Open addressing over FNV-1a hashes; at most ``capacity`` entries (beyond that, lookups of new
/// keys miss and the caller checks the text itself).
struct ByteKeyedCache<Value> {
    /// The most entries kept.
    let capacity: Int
    private var keyBytes: [UInt8] = []
    private var entries: [(start: Int, count: Int, hash: UInt64, value: Value)] = []
    /// Entry index + 1 by hash slot (0: empty); the count is a power of two.
    private var slots = [Int32](repeating: 0, count: 64)

    init(capacity: Int = 1 << 16) { self.capacity = capacity }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    /// The entry holding `bytes`, if any.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let entry = Int(slots[slot]) - 1
            if entries[entry].hash == hash && equal(entry, bytes) { return entry }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private func equal(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (start, count, _, _) = entries[entry]
        guard count == bytes.count else { return false }
        return keyBytes.withUnsafeBufferPointer { keys in
            count == 0 || memcmp(keys.baseAddress! + start, bytes.baseAddress!, count) == 0
        }
    }

    /// Adds `bytes` (not present) with `value`; the entry, or `nil` when the cache is full.
    @discardableResult
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ value: Value) -> Int? {
        guard entries.count < capacity else { return nil }
        if (entries.count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(bytes)
        entries.append((keyBytes.count, bytes.count, hash, value))
        keyBytes.append(contentsOf: bytes)
        place(entries.count - 1, hash)
        return entries.count - 1
    }

    private mutating func place(_ entry: Int, _ hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry + 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for entry in entries.indices { place(entry, entries[entry].hash) }
    }

    /// The value of an entry.
    subscript(entry: Int) -> Value {
        get { entries[entry].value }
        set { entries[entry].value = newValue }
    }
}
