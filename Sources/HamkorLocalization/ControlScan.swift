/// Finds the first scalar of a kind real text almost never holds — control characters and the
/// noncharacters U+FFFE and U+FFFF — without a scalar-by-scalar pass over every string: one pass
/// over the UTF-8 bytes looks for a C0 control other than tab and line feed, DEL, a C1 control
/// (`C2 80`–`C2 9F`) or `EF BF BE`/`EF BF BF`, and only a string holding one of those is searched
/// scalar by scalar with the caller's own rule.
public enum ControlScan {
    /// The first scalar of `text` that `isRefused` refuses; `isRefused` is asked only about
    /// strings whose bytes hold a control character or a noncharacter.
    public static func first(in text: some StringProtocol, where isRefused: (Unicode.Scalar) -> Bool) -> Unicode.Scalar? {
        let suspect = text.utf8.withContiguousStorageIfAvailable(mayHoldRefused)
            ?? Array(text.utf8).withUnsafeBufferPointer(mayHoldRefused)
        guard suspect else { return nil }
        return text.unicodeScalars.first(where: isRefused)
    }

    /// Whether UTF-8 `bytes` hold a control character other than tab and line feed, or a noncharacter.
    private static func mayHoldRefused(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F
                || (previous == 0xC2 && (0x80...0x9F).contains(byte))
                || (beforePrevious == 0xEF && previous == 0xBF && byte >= 0xBE) {
                return true
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }
}
