/// Wraps text to a display width: breaks at spaces, keeps grapheme clusters whole, and
/// hard-breaks a word wider than the line between clusters. `\n` in the text forces a break.
/// No-break spaces (U+00A0, U+202F, as in `2 134 $`) are not break points.
struct TextWrapper {
    /// The maximum display columns of a line, prefixes included.
    var width: Int
    /// Put before the first line.
    var firstPrefix: String = ""
    /// Put before every following line (a hanging indent).
    var nextPrefix: String = ""

    /// The wrapped lines (at least one), without trailing spaces.
    func wrap(_ text: String) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            wrapParagraph(paragraph, into: &lines)
        }
        return lines.map(Self.trimmingTrailingSpaces)
    }

    private func prefix(forLine index: Int) -> (String, Int) {
        let prefix = index == 0 ? firstPrefix : nextPrefix
        let prefixWidth = DisplayWidth.of(prefix)
        // A prefix that leaves fewer than two columns is dropped rather than overflow the line.
        return prefixWidth + 2 <= width ? (prefix, prefixWidth) : ("", 0)
    }

    private func wrapParagraph(_ paragraph: Substring, into lines: inout [String]) {
        let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
        var (line, used) = prefix(forLine: lines.count)
        var lineHasWord = false

        func newLine() {
            lines.append(line)
            (line, used) = prefix(forLine: lines.count)
            lineHasWord = false
        }

        for word in words {
            let wordWidth = DisplayWidth.of(word)
            if lineHasWord {
                if used + 1 + wordWidth <= width {
                    line += " " + word
                    used += 1 + wordWidth
                    continue
                }
                newLine()
            }
            if used + wordWidth <= width {
                line += word
                used += wordWidth
                lineHasWord = true
                continue
            }
            // Hard-break a word wider than a line, between grapheme clusters.
            for character in word {
                let w = DisplayWidth.of(character)
                if used + w > width && lineHasWord { newLine() }
                line.append(character)
                used += w
                lineHasWord = true
            }
        }
        lines.append(line)
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
