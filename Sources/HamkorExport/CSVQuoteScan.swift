/// Finds, eight bytes at a time, what a CSV field needs: quotes (it holds `"`, LF, CR or the
/// delimiter) and, inside them, doubled quotes (it holds `"`).
///
/// A field is read as 64-bit words and each word is tested for the four bytes at once with the
/// "has a zero byte" test of *Hacker's Delight* §6-1, which is exact about whether any byte of a
/// word matches (all this needs); a field's last, partial word is its final eight bytes, overlapping
/// bytes already seen. Fields shorter than a word are read byte by byte.
enum CSVQuoteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// What `bytes` holds: `needsQuotes` when it has `"`, LF, CR or `delimiter`; `hasQuote` when it
    /// has `"`. The delimiter must be ASCII.
    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> (needsQuotes: Bool, hasQuote: Bool) {
        guard let base = bytes.baseAddress else { return (false, false) }
        let count = bytes.count
        if count < 8 {
            var needsQuotes = false
            for byte in bytes where byte <= 0x22 || byte == delimiter {
                if byte == 0x22 { return (true, true) }
                if byte == 0x0A || byte == 0x0D || byte == delimiter { needsQuotes = true }
            }
            return (needsQuotes, false)
        }
        let raw = UnsafeRawPointer(base)
        let delimiters = ones &* UInt64(delimiter)
        var others: UInt64 = 0
        var offset = 0
        while offset + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if hasByte(word, ones &* 0x22) { return (true, true) }
            others |= matches(word, ones &* 0x0A) | matches(word, ones &* 0x0D) | matches(word, delimiters)
            offset += 8
        }
        if offset < count {
            let word = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            if hasByte(word, ones &* 0x22) { return (true, true) }
            others |= matches(word, ones &* 0x0A) | matches(word, ones &* 0x0D) | matches(word, delimiters)
        }
        return (others != 0, false)
    }

    /// The high bit of each byte of `word` that equals the byte broadcast in `pattern` (and,
    /// past the first match, possibly of others: callers ask only whether it is zero).
    @inline(__always)
    private static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let zeroWhereEqual = word ^ pattern
        return (zeroWhereEqual &- ones) & ~zeroWhereEqual & highs
    }

    @inline(__always)
    private static func hasByte(_ word: UInt64, _ pattern: UInt64) -> Bool {
        matches(word, pattern) != 0
    }
}
