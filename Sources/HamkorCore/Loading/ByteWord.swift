/// Tests on eight bytes of text at once (a `UInt64` loaded from it), for the scanners that skip
/// plain text a word at a time. Each test is exact about whether any byte qualifies, not which:
/// a zero byte of `x` sets its high bit in `(x - 0x01…01) & ~x & 0x80…80`, and when no byte is
/// zero no borrow runs and no high bit is set.
enum ByteWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let high: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `word` is `value`.
    @inline(__always)
    static func has(_ value: UInt8, in word: UInt64) -> Bool {
        let x = word ^ (ones &* UInt64(value))
        return (x &- ones) & ~x & high != 0
    }

    /// Whether any byte of `word` is below `limit` (at most 0x80).
    @inline(__always)
    static func hasByte(below limit: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & high != 0
    }

    /// Whether any byte of `word` is outside ASCII.
    @inline(__always)
    static func hasNonASCII(_ word: UInt64) -> Bool { word & high != 0 }
}
