import Testing
@testable import HamkorXLSX

@Suite struct SheetNamerTests {
    @Test func cutsToThirtyOneCharactersAtGraphemes() {
        var namer = SheetNamer()
        let name = namer.claim(String(repeating: "Ы", count: 40))
        #expect(name == String(repeating: "Ы", count: 31))
        var emoji = SheetNamer()
        let flags = emoji.claim(String(repeating: "🇺🇿", count: 10))  // 4 UTF-16 units each
        #expect(flags == String(repeating: "🇺🇿", count: 7))
    }

    @Test func replacesForbiddenCharacters() {
        var namer = SheetNamer()
        #expect(namer.claim("Trade [2024]: a/b\\c*d?") == "Trade _2024__ a_b_c_d_")
    }

    @Test func reservesHistory() {
        var namer = SheetNamer()
        #expect(namer.claim("History") == "History (2)")
        #expect(namer.claim("HISTORY") == "HISTORY (3)")
    }

    @Test func duplicatesIgnoreCaseInCyrillic() {
        var namer = SheetNamer()
        #expect(namer.claim("Итоги") == "Итоги")
        #expect(namer.claim("итоги") == "итоги (2)")
        #expect(namer.claim("ИТОГИ") == "ИТОГИ (3)")
        #expect(namer.claim("Oʻzbekiston") == "Oʻzbekiston")
    }

    @Test func suffixFitsWithinTheLimit() {
        var namer = SheetNamer()
        let long = String(repeating: "a", count: 31)
        #expect(namer.claim(long) == long)
        let second = namer.claim(long.uppercased())
        #expect(second == String(repeating: "A", count: 27) + " (2)")
        #expect(second.utf16.count == 31)
    }

    @Test func dropsApostrophesAtTheEnds() {
        var namer = SheetNamer()
        #expect(namer.claim("'Quoted'") == "Quoted")
        #expect(namer.claim("O'zbekiston") == "O'zbekiston")
        #expect(namer.claim("''") == "Sheet")
        #expect(namer.claim("   ", fallback: "by-sector") == "by-sector")
    }
}
