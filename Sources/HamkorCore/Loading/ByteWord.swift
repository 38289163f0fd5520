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

    /// Whether every byte of `word` is printable ASCII (0x20–0x7E). A byte from 0x7F up sets its
    /// high bit in `word | (word + 0x01…01)` (a carry out of a byte only leaves one whose high
    /// bit is set already); one below 0x20 is found as in ``hasByte(below:in:)``.
    @inline(__always)
    static func isPrintableASCII(_ word: UInt64) -> Bool {
        (word | (word &+ ones) | ((word &- ones &* 0x20) & ~word)) & high == 0
    }

    /// Whether the eight bytes of `word`, loaded little-endian (the first byte lowest), are four
    /// whole two-byte UTF-8 scalars with leads `C3`–`DF` (U+00C0–U+07FF: accented Latin, Greek,
    /// Cyrillic… and no control): each lead is `110xxxxx` with its five low bits at least 3 (the
    /// 0x7D added sets the byte's high bit then), each byte after it `10xxxxxx`.
    @inline(__always)
    static func isTwoByteScalars(_ word: UInt64) -> Bool {
        word & 0xC0E0_C0E0_C0E0_C0E0 == 0x80C0_80C0_80C0_80C0
            && ((word & 0x001F_001F_001F_001F) &+ 0x007D_007D_007D_007D) & 0x0080_0080_0080_0080 == 0x0080_0080_0080_0080
    }

    /// ``isTwoByteScalars(_:)`` of four bytes: two scalars.
    @inline(__always)
    static func isTwoByteScalars(_ word: UInt32) -> Bool {
        word & 0xC0E0_C0E0 == 0x80C0_80C0 && ((word & 0x001F_001F) &+ 0x007D_007D) & 0x0080_0080 == 0x0080_0080
    }
}
