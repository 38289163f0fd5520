/// How many character cells a text takes in a spreadsheet column, for column widths.
///
/// Counted per grapheme cluster: East Asian wide and fullwidth characters and emoji take two,
/// everything else (Latin, Cyrillic, digits, marks folded into their base) one.
enum DisplayWidth {
    /// The width of a single-line text; for multi-line text, of its longest line.
    static func of(_ text: String) -> Int {
        var widest = 0
        var current = 0
        for character in text {
            if character == "\n" || character == "\r\n" {
                widest = max(widest, current)
                current = 0
                continue
            }
            current += width(of: character)
        }
        return max(widest, current)
    }

    /// The width of the longest word, for headers that may wrap between words.
    static func longestWord(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).map { of(String($0)) }.max() ?? 0
    }

    /// How many lines a text takes when wrapped at word boundaries to `width` cells
    /// (words longer than a line are broken, as spreadsheets do).
    static func lineCount(_ text: String, width: Int) -> Int {
        guard width > 0 else { return 1 }
        var lines = 1
        var current = 0
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            let length = of(String(word))
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

    private static func width(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if scalar.isASCII { return 1 }
        return isWide(scalar.value) ? 2 : 1
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F1E6...0x1F1FF, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}
