/// The rules for record ids and codes: safe in file names and never a path.
public enum Identifier {
    /// Letters (any script), digits, `-`, `_`, `.`; 1–128 characters; not starting with `.`; no `..`.
    public static func isValid(_ id: String) -> Bool {
        if let ascii = asciiVerdict(id) { return ascii }
        guard (1...128).contains(id.count), !id.hasPrefix("."), !id.contains("..") else { return false }
        return id.unicodeScalars.allSatisfy { scalar in
            (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == ".")
                && !scalar.properties.isBidiControl && !scalar.properties.isDefaultIgnorableCodePoint
        }
    }

    /// The same rules decided on the UTF-8 bytes when `id` is ASCII (the usual case, and cheaper
    /// than Unicode properties); `nil` for other text.
    private static func asciiVerdict(_ id: String) -> Bool? {
        let bytes = id.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard (1...128).contains(bytes.count), bytes.first != UInt8(ascii: ".") else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                break
            case UInt8(ascii: "."):
                if previous == UInt8(ascii: ".") { return false }
            default:
                return false
            }
            previous = byte
        }
        return true
    }
}
