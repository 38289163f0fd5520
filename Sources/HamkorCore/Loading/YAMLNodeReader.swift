import Foundation
import Yams

/// Reads typed values out of a composed YAML/JSON node tree, recording located problems.
///
/// Every accessor takes the field path for messages and returns `nil` (after recording a
/// problem) when the value has the wrong type, so reading continues and all problems surface.
/// Shared by every Hamkor file reader: datasets, report definitions and job files.
public struct YAMLNodeReader {
    public let file: String
    public let problems: ProblemList

    public init(file: String, problems: ProblemList) {
        self.file = file
        self.problems = problems
    }

    public func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    public func fail(_ node: Node?, _ field: String?, _ message: String) {
        problems.add(location(node), field: field?.isEmpty == true ? nil : field, message)
    }

    /// The key/value pairs of a mapping, checking keys against `allowed` (listed in the given
    /// order when one is unknown) and refusing anchors.
    public func mapping(_ node: Node, _ field: String, allowed: [String]) -> [(key: String, value: Node, keyNode: Node)]? {
        mapping(node, field, allowedSet: Set(allowed), shown: { allowed })
    }

    /// The key/value pairs of a mapping, checking keys against `allowed` and refusing anchors.
    public func mapping(_ node: Node, _ field: String, allowed: Set<String>? = nil) -> [(key: String, value: Node, keyNode: Node)]? {
        mapping(node, field, allowedSet: allowed, shown: { allowed?.sorted() ?? [] })
    }

    private func mapping(_ node: Node, _ field: String, allowedSet allowed: Set<String>?,
                         shown: () -> [String]) -> [(key: String, value: Node, keyNode: Node)]? {
        guard refuseAnchor(node, field) else { return nil }
        guard case .mapping(let mapping) = node else {
            fail(node, field, "expected a mapping (key: value), found \(describe(node))")
            return nil
        }
        var pairs: [(key: String, value: Node, keyNode: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                fail(keyNode, field, "keys must be plain text")
                continue
            }
            if let allowed, !allowed.contains(scalar.string) {
                let shown = shown()
                let key = String(scalar.string.prefix(40))
                let suggestion = scalar.string.utf8.count > 100 ? "" : Suggestion.closest(to: scalar.string, in: shown).map { "; did you mean '\($0)'?" } ?? ""
                fail(keyNode, field.isEmpty ? key : "\(field).\(key)",
                     "unknown field '\(key)'\(suggestion) (allowed: \(shown.joined(separator: ", ")))")
                continue
            }
            pairs.append((scalar.string, value, keyNode))
        }
        return pairs
    }

    public func sequence(_ node: Node, _ field: String) -> [Node]? {
        guard refuseAnchor(node, field) else { return nil }
        guard case .sequence(let sequence) = node else {
            fail(node, field, "expected a list, found \(describe(node))")
            return nil
        }
        return Array(sequence)
    }

    /// A list, or a single scalar standing for a one-element list (`languages: ru`).
    public func listOrScalar(_ node: Node, _ field: String) -> [Node]? {
        if case .scalar = node, node.anchor == nil { return [node] }
        return sequence(node, field)
    }

    public func string(_ node: Node, _ field: String, allowEmpty: Bool = false) -> String? {
        guard refuseAnchor(node, field) else { return nil }
        guard case .scalar(let scalar) = node else {
            fail(node, field, "expected text, found \(describe(node))")
            return nil
        }
        let text = scalar.string
        // Counted in Unicode scalars, the unit every later step pays for (a grapheme can hold
        // thousands), and before any other pass over the text.
        if let length = TextLimit.excess(text) {
            fail(node, field, "is \(length) characters (Unicode scalars) long; the limit is \(DatasetLimits.maxTextLength)")
            return nil
        }
        if !allowEmpty && text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            fail(node, field, "must not be empty")
            return nil
        }
        if let bad = TextSafety.firstForbidden(in: text, orNewline: false) {
            fail(node, field, TextSafety.message(for: bad))
            return nil
        }
        return text
    }

    public func integer(_ node: Node, _ field: String, range: ClosedRange<Int>? = nil) -> Int? {
        guard let text = scalarText(node, field) else { return nil }
        guard let value = Int(text) else {
            fail(node, field, "expected a whole number, found '\(TerminalText.excerpt(text, 40))'")
            return nil
        }
        if let range, !range.contains(value) {
            fail(node, field, "\(value) is out of range \(range.lowerBound)–\(range.upperBound)")
            return nil
        }
        return value
    }

    public func bool(_ node: Node, _ field: String) -> Bool? {
        guard let text = scalarText(node, field) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default:
            fail(node, field, "expected true or false, found '\(TerminalText.excerpt(text, 40))'")
            return nil
        }
    }

    /// An exact decimal from its written digits (never through `Double`).
    public func decimal(_ node: Node, _ field: String) -> Decimal? {
        guard let text = scalarText(node, field) else { return nil }
        return DecimalParser.parse(text, onError: { fail(node, field, $0) })
    }

    public func scalarText(_ node: Node, _ field: String) -> String? {
        guard refuseAnchor(node, field) else { return nil }
        guard case .scalar(let scalar) = node else {
            fail(node, field, "expected a single value, found \(describe(node))")
            return nil
        }
        return scalar.string.trimmingCharacters(in: .whitespaces)
    }

    /// The location of the character at `offset` (0-based) inside a scalar's text, when the
    /// scalar sits on one line (for errors inside a cron expression); else the scalar's own.
    public func location(_ node: Node, offset: Int) -> SourceLocation {
        var location = location(node)
        guard case .scalar(let scalar) = node, location.line > 0, !scalar.string.contains("\n") else { return location }
        let quote = (scalar.style == .singleQuoted || scalar.style == .doubleQuoted) ? 1 : 0
        location.column += quote + offset
        return location
    }

    /// Anchors and aliases are refused: they are how "billion laughs" bombs are built.
    public func refuseAnchor(_ node: Node, _ field: String) -> Bool {
        if case .alias = node {
            fail(node, field, "YAML aliases (*name) are not allowed in Hamkor files; write the value out")
            return false
        }
        if node.anchor != nil {
            fail(node, field, "YAML anchors (&name) are not allowed in Hamkor files; write the value out")
            return false
        }
        return true
    }

    public func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): scalar.string.isEmpty ? "an empty value" : "'\(TerminalText.excerpt(scalar.string, 40))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

}

/// The characters refused in every text value of a data file.
public enum TextSafety {
    /// C0 and C1 control characters other than tab and line feed, and the bidirectional
    /// embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which can make
    /// text display differently from what it is ("Trojan Source" spoofing).
    public static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x0A || value == 0x09 { return false }
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || value == 0xFFFE || value == 0xFFFF  // noncharacters XML (and so XLSX) cannot hold
    }

    /// The first refused character of `text` (or line feed, if `orNewline`), if any: a quick byte
    /// pass first, and the scalar-by-scalar search only when it finds something suspect.
    public static func firstForbidden(in text: String, orNewline: Bool) -> Unicode.Scalar? {
        guard mayContainForbidden(text, orNewline: orNewline) else { return nil }
        return text.unicodeScalars.first { (orNewline && $0 == "\n") || isForbiddenControl($0) }
    }

    /// False when `text` surely holds no refused character (nor a line feed, if `orNewline`):
    /// one pass over the UTF-8 bytes, so only suspicious text is searched scalar by scalar.
    /// C1 controls are encoded `C2 80`–`C2 9F`; the bidirectional controls `E2 80 AA`–`E2 80 AE`
    /// and `E2 81 A6`–`E2 81 A9`; the noncharacters U+FFFE and U+FFFF `EF BF BE` and `EF BF BF`.
    public static func mayContainForbidden(_ text: String, orNewline: Bool) -> Bool {
        let verdict = text.utf8.withContiguousStorageIfAvailable { mayContainForbidden(utf8: $0, orNewline: orNewline) }
        return verdict ?? true  // text not stored as contiguous UTF-8: let the exact search decide
    }

    /// ``mayContainForbidden(_:orNewline:)`` on UTF-8 bytes; with `orTab`, a tab is suspect too.
    public static func mayContainForbidden(utf8 bytes: UnsafeBufferPointer<UInt8>, orNewline: Bool, orTab: Bool = false) -> Bool {
        let count = bytes.count
        var index = 0
        let base = UnsafeRawPointer(bytes.baseAddress)
        while index < count {
            // Eight bytes at a time while none is one the checks below look at.
            if let base, index + 8 <= count, !mayHoldSuspectByte(base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte < 0x20 {
                if (byte != 0x09 || orTab) && (byte != 0x0A || orNewline) { return true }
            } else if byte == 0x7F {
                return true
            } else if byte == 0xC2 {
                if index + 1 < count && (0x80...0x9F).contains(bytes[index + 1]) { return true }
            } else if byte == 0xE2 || byte == 0xEF {
                if index + 2 < count && isSuspectThreeByteScalar(byte, bytes[index + 1], bytes[index + 2]) { return true }
            }
            index += 1
        }
        return false
    }

    /// Whether the three bytes start a scalar the screen suspects: a bidirectional control or a
    /// scalar beside one (`E2 80 A6`–`E2 80 AE`, `E2 81 A6`–`E2 81 AE`; an ellipsis among them), or
    /// the noncharacter U+FFFE or U+FFFF (`EF BF BE`, `EF BF BF`). ``SourceText`` screens whole
    /// files with the same test.
    @inline(__always)
    static func isSuspectThreeByteScalar(_ lead: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        (lead == 0xE2 && (second == 0x80 || second == 0x81) && (0xA6...0xAE).contains(third))
            || (lead == 0xEF && second == 0xBF && third >= 0xBE)
    }

    /// Whether any of eight bytes is below 0x20, 0x7F, or a lead byte `mayContainForbidden` looks
    /// behind (0xC2, 0xE2, 0xEF).
    @inline(__always)
    private static func mayHoldSuspectByte(_ word: UInt64) -> Bool {
        ByteWord.hasByte(below: 0x20, in: word) || ByteWord.has(0x7F, in: word) || ByteWord.has(0xC2, in: word)
            || ByteWord.has(0xE2, in: word) || ByteWord.has(0xEF, in: word)
    }

    /// The message for a refused character.
    public static func message(for scalar: Unicode.Scalar) -> String {
        let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        if scalar.value == 0xFFFE || scalar.value == 0xFFFF {
            return "contains the noncharacter \(code), which XML and spreadsheets cannot hold; remove it"
        }
        if scalar.value >= 0x2000 {
            return "contains the bidirectional control character \(code), which can disguise how text reads; remove it"
        }
        return "contains the control character \(code)"
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
