/// Makes a message safe to print as one line: every value echoed in a message (an id, a code,
/// a path from the input) could hold a line feed that would forge a second `error:` line, or a
/// control or bidirectional character that would change what the terminal shows.
public enum TerminalText {
    /// `text` with line breaks, tabs, other control characters, the bidirectional embedding,
    /// override and isolate controls and the line and paragraph separators written as escapes
    /// (`\n`, `\t`, `\r`, `\u{202E}`). Everything else, backslashes included, is kept, so
    /// escaping an escaped text changes nothing.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else { result.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default: result += "\\u{\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))}"
            }
        }
        return result
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0x2028 || value == 0x2029
    }
}

extension TerminalText {
    /// The start of `text` for a message: at most `limit` Unicode scalars (a grapheme can hold
    /// thousands), with `…` when cut.
    public static func excerpt(_ text: some StringProtocol, _ limit: Int) -> String {
        let scalars = text.unicodeScalars
        guard text.utf8.count > limit, scalars.count > limit else { return String(text) }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars.prefix(limit))
        return String(result) + "…"
    }
}
