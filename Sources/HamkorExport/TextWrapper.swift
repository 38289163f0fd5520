/// Wraps text to a display width at the line-break opportunities of ``LineBreaks`` (UAX #14):
/// after spaces and after a hyphen between letters, never at a no-break space (`2 134 $`) or
/// inside a word. A word wider than the line is hyphenated (``LineBreaks/hyphenate(_:width:)``),
/// never cut silently. `\n` in the text forces a break.
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
        var (line, used) = prefix(forLine: lines.count)
        var lineHasWord = false
        var spaceBefore = false

        func newLine() {
            lines.append(line)
            (line, used) = prefix(forLine: lines.count)
            lineHasWord = false
        }

        for segment in LineBreaks.segments(paragraph) {
            var piece = segment.text
            let gap = lineHasWord && spaceBefore ? 1 : 0
            if lineHasWord && used + gap + DisplayWidth.of(piece) > width { newLine() }
            // A piece wider than a whole line is hyphenated, one line-full at a time.
            while !lineHasWord, used + DisplayWidth.of(piece) > width, piece.count > 1 {
                let (head, tail) = LineBreaks.hyphenate(piece, width: width - used)
                line += head
                used += DisplayWidth.of(head)
                lineHasWord = true
                newLine()
                piece = tail
            }
            if lineHasWord && spaceBefore {
                line += " "
                used += 1
            }
            line += piece
            used += DisplayWidth.of(piece)
            lineHasWord = true
            spaceBefore = segment.spaceAfter
        }
        lines.append(line)
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
