/// The rules for record ids and codes: safe in file names and never a path.
public enum Identifier {
    /// Letters (any script), digits, `-`, `_`, `.`; 1–128 characters; not starting with `.`; no `..`.
    /// The length limit is counted in Unicode scalars, the unit that costs: a letter followed
    /// by a thousand combining marks is one character on screen but a thousand and one scalars.
    public static func isValid(_ id: String) -> Bool {
        if let ascii = asciiVerdict(id) { return ascii }
        guard id.utf8.count <= maxLength * 4, (1...maxLength).contains(id.unicodeScalars.count),
              !id.hasPrefix("."), !id.contains("..") else { return false }
        return id.unicodeScalars.allSatisfy(isAllowed)
    }

    /// The most Unicode scalars in an id.
    public static let maxLength = 128

    /// Whether `scalar` may appear in an id.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == ".")
            && !scalar.properties.isBidiControl && !scalar.properties.isDefaultIgnorableCodePoint
    }

    /// Why `id` is not valid, naming the first refused scalar and its position (1-based, in
    /// scalars), or `nil` for a valid id.
    public static func problem(_ id: String) -> String? {
        guard !isValid(id) else { return nil }
        let scalars = id.unicodeScalars
        if id.isEmpty { return "is empty" }
        if id.utf8.count > maxLength * 4 || scalars.count > maxLength { return "is longer than \(maxLength) characters" }
        if id.hasPrefix(".") { return "starts with '.'" }
        if id.contains("..") { return "contains '..'" }
        for (offset, scalar) in scalars.enumerated() where !isAllowed(scalar) {
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            let name = scalar.properties.name.map { " \($0)" } ?? ""
            let hint = scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark
                ? " (a combining mark: the text is probably decomposed, NFD; save it composed, NFC)" : ""
            return "has \(code)\(name) at character \(offset + 1)\(hint)"
        }
        return "is not allowed"
    }

    /// The same rules decided on the UTF-8 bytes when `id` is ASCII (the usual case, and cheaper
    /// than Unicode properties); `nil` for other text.
    private static func asciiVerdict(_ id: String) -> Bool? {
        asciiVerdict(utf8: id.utf8)
    }

    /// ``isValid(_:)`` of an id given as its UTF-8 bytes when they are ASCII, `nil` for other text.
    static func asciiVerdict(utf8 bytes: some Collection<UInt8>) -> Bool? {
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
