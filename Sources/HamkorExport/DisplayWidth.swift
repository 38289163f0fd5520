/// How many terminal columns text takes, counted per grapheme cluster.
///
/// East Asian Wide and Fullwidth characters and emoji shown as emoji take 2; combining marks,
/// format characters (zero-width space, joiners) and controls take 0; everything else, including
/// East Asian Ambiguous characters such as Cyrillic letters and `•`, takes 1, as in a
/// non-CJK terminal. A cluster's width is its first non-zero-width scalar's (`e` + U+0301 is 1).
public enum DisplayWidth {
    /// The columns one grapheme cluster takes.
    public static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F, width == 1 { return 2 }  // emoji presentation selector
            if width == 0 { width = of(scalar) }
        }
        return width
    }

    /// The columns a string takes.
    ///
    /// Text made only of scalars that are each a cluster of width 1 (printable ASCII, Latin,
    /// Greek, Cyrillic, common punctuation: every language Hamkor ships) is counted by scalar,
    /// without grapheme breaking; anything else is counted per cluster.
    public static func of(_ text: some StringProtocol) -> Int {
        var asciiOnly = true
        for byte in text.utf8 where byte >= 0x80 || byte < 0x20 || byte == 0x7F {
            asciiOnly = false
            break
        }
        if asciiOnly { return text.utf8.count }
        var count = 0
        for scalar in text.unicodeScalars {
            guard isSimple(scalar.value) else { return clusterWidth(text) }
            count += 1
        }
        return count
    }

    /// The columns of the widest line of a text that may hold line breaks.
    public static func widestLine(_ text: String) -> Int {
        guard text.utf8.contains(0x0A) else { return of(text) }
        return text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { of(String($0)) }.max() ?? 0
    }

    /// The columns of the longest word (words are separated by white space).
    public static func longestWord(_ text: String) -> Int {
        var longest = 0
        forEachWord(in: text) { longest = max(longest, $0) }
        return longest
    }

    /// How many lines a text takes when wrapped at word boundaries to `width` columns, words
    /// longer than a line being broken, as spreadsheets wrap cells.
    public static func lineCount(_ text: String, width: Int) -> Int {
        guard width > 0 else { return 1 }
        var lines = 1
        var current = 0
        forEachWord(in: text) { length in
            if current == 0 {
                current = length
            } else if current + 1 + length <= width {
                current += 1 + length
            } else {
                lines += 1
                current = length
            }
            while current > width {
                lines += 1
                current -= width
            }
        }
        return lines
    }

    /// Calls `body` with the width of each white-space-separated word, in order.
    ///
    /// Walks the UTF-8 bytes and decodes scalars itself (the string is valid UTF-8): a wrapped
    /// cell's row height is measured for every row of a large table, and going through
    /// `String.UnicodeScalarView` indices cost about ninety instructions a character.
    private static func forEachWord(in text: String, _ body: (Int) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            var wordStart = -1
            var simple = true
            var count = 0
            func endWord(at end: Int) {
                body(simple ? count : clusterWidth(String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<end]), as: UTF8.self)))
                wordStart = -1
            }
            while index < bytes.count {
                let lead = bytes[index]
                var value = UInt32(lead)
                var length = 1
                if lead >= 0xF0 {
                    length = 4
                    value = UInt32(lead & 0x07)
                } else if lead >= 0xE0 {
                    length = 3
                    value = UInt32(lead & 0x0F)
                } else if lead >= 0xC0 {
                    length = 2
                    value = UInt32(lead & 0x1F)
                }
                if length > 1 {
                    for offset in 1..<min(length, bytes.count - index) { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                }
                if isSpace(value) {
                    if wordStart >= 0 { endWord(at: index) }
                } else {
                    if wordStart < 0 {
                        wordStart = index
                        simple = true
                        count = 0
                    }
                    if simple {
                        if isSimple(value) { count += 1 } else { simple = false }
                    }
                }
                index += length
            }
            if wordStart >= 0 { endWord(at: bytes.count) }
        }
    }

    /// The width counted cluster by cluster.
    private static func clusterWidth(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// A scalar that is always a cluster of its own and takes one column: printable ASCII,
    /// Latin-1 to Spacing Modifier Letters (with Uzbek ʻ and ʼ), Greek and Cyrillic letters,
    /// Latin Extended Additional, and dashes, quotes and other common punctuation.
    @inline(__always)
    private static func isSimple(_ value: UInt32) -> Bool {
        switch value {
        case 0x20...0x7E, 0xA0...0x2FF, 0x370...0x482, 0x48A...0x52F, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E:
            true
        default:
            false
        }
    }

    /// White space that separates words (the scalars of `Character.isWhitespace`).
    @inline(__always)
    private static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20: true
        case 0...0x84: false
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// The columns one scalar takes on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) || value == 0x200B { return 0 }  // Hangul medial jamo, ZWSP
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// `text` cut to at most `width` columns at a cluster boundary, ending with `…` when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// `text` padded with spaces to `width` columns, on the right (`alignRight` false) or left.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let missing = width - of(text)
        guard missing > 0 else { return text }
        let spaces = String(repeating: " ", count: missing)
        return alignRight ? spaces + text : text + spaces
    }

    /// East Asian Width W or F (Unicode 15), as wcwidth counts them.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F,
             0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
