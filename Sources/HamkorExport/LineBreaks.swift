/// Where plain text may break across lines: the subset of Unicode line breaking (UAX #14) that
/// Hamkor's languages use, and hyphenation for a word wider than its line.
///
/// Foundation on Linux exposes no ICU line-break iterator, so the rules are implemented here:
/// - after a run of spaces, tabs or CR (LB18) and after U+200B ZERO WIDTH SPACE (LB8);
/// - between two ideographs (LB31 for class ID);
/// - after a hyphen (U+002D, U+2010), an en dash (U+2013) or a slash between two letters
///   (LB21: never before them; LB25: never `-` before a digit, so `-5` and `2024–2026` stay whole);
/// - never at a no-break space (U+00A0, U+202F: `2 134 $`) or word joiner (LB11, LB12), nor
///   inside a word.
///
/// A word wider than its line is hyphenated before a consonant that begins a syllable (the
/// consonant–vowel rule of Uzbek, Azerbaijani, Turkish and Russian syllables), keeping at least
/// two letters on each side, `ʻ ʼ ь ъ` with their letter and `sh ch` together; text that is not a
/// word (an id, a number) breaks between characters. Every break inside a word shows a hyphen.
enum LineBreaks {
    /// One unbreakable piece of a paragraph and what follows it.
    struct Segment: Equatable {
        /// The text, without the spaces after it.
        var text: String
        /// Whether spaces followed it (printed as one space when the next piece stays on the line).
        var spaceAfter: Bool
    }

    /// The paragraph's pieces between break opportunities.
    static func segments<S: StringProtocol>(_ paragraph: S) -> [Segment] {
        var segments: [Segment] = []
        var current = ""
        let characters = Array(paragraph)
        func close(space: Bool) {
            if current.isEmpty {
                if space, !segments.isEmpty { segments[segments.count - 1].spaceAfter = true }
                return
            }
            segments.append(Segment(text: current, spaceAfter: space))
            current = ""
        }
        for (index, character) in characters.enumerated() {
            if character == " " || character == "\t" || character == "\r" {
                close(space: true)
                continue
            }
            if character == "\u{200B}" {
                close(space: false)
                continue
            }
            // Between ideographs (UAX #14 class ID) a line may break anywhere, with no hyphen.
            if isIdeograph(character), !current.isEmpty, current.last.map(isIdeograph) == true {
                close(space: false)
            }
            current.append(character)
            if breaksAfter(character), index > 0, index + 1 < characters.count,
               isLetter(characters[index - 1]), isLetter(characters[index + 1]) {
                close(space: false)
            }
        }
        close(space: false)
        return segments
    }

    private static func breaksAfter(_ character: Character) -> Bool {
        character == "-" || character == "\u{2010}" || character == "\u{2013}" || character == "/"
    }

    static func isIdeograph(_ character: Character) -> Bool {
        character.unicodeScalars.first?.properties.isIdeographic == true
    }

    static func isLetter(_ character: Character) -> Bool {
        character.isLetter || character == "\u{02BB}" || character == "\u{02BC}"
    }

    /// Splits `word` so the first part, with its hyphen, is at most `width` columns: `("фотоэлектри-", "ческая")`.
    /// The first part is never empty, so repeated splitting always ends.
    static func hyphenate(_ word: String, width: Int) -> (head: String, tail: String) {
        let characters = Array(word)
        let room = max(1, width - 1)  // the hyphen takes a column
        // The longest prefix that fits.
        var fits = 0
        var used = 0
        while fits < characters.count {
            let w = DisplayWidth.of(characters[fits])
            if used + w > room { break }
            used += w
            fits += 1
        }
        fits = max(1, min(fits, characters.count - 1))
        if characters.allSatisfy({ isLetter($0) && !isIdeograph($0) }) {
            var position = fits
            while position >= 2 {
                if isSyllableStart(characters, at: position) { return (String(characters[..<position]) + "-", String(characters[position...])) }
                position -= 1
            }
        }
        let head = String(characters[..<fits])
        return (head + "-", String(characters[fits...]))
    }

    private static let vowels: Set<Character> = Set("aeiouyəıöüâîûAEIOUYƏIİÖÜÂÎÛаеёиоуыэюяўіАЕЁИОУЫЭЮЯЎІ")
    private static let attaching: Set<Character> = ["\u{02BB}", "\u{02BC}", "ь", "ъ", "Ь", "Ъ"]

    /// Whether a hyphenated break may go before `characters[position]`: two letters stay on each
    /// side, the head holds a vowel, and the tail starts with a consonant followed by a vowel.
    private static func isSyllableStart(_ characters: [Character], at position: Int) -> Bool {
        guard position >= 2, characters.count - position >= 2 else { return false }
        let next = characters[position]
        if attaching.contains(next) || vowels.contains(next) { return false }
        let previous = characters[position - 1]
        if next.lowercased() == "h", "sScC".contains(previous) { return false }
        var after = position + 1
        // `sh`, `ch` are one consonant; `ʻ ʼ ь ъ` belong to the letter before them.
        if after < characters.count, characters[after].lowercased() == "h", "sScC".contains(next) { after += 1 }
        while after < characters.count, attaching.contains(characters[after]) { after += 1 }
        guard after < characters.count, vowels.contains(characters[after]) else { return false }
        guard characters[..<position].contains(where: vowels.contains) else { return false }
        return true
    }
}
