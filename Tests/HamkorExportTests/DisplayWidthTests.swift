import Testing
@testable import HamkorExport

@Suite struct DisplayWidthTests {
    @Test func countsGraphemesAndWideCharacters() {
        #expect(DisplayWidth.of("Energy") == 6)
        #expect(DisplayWidth.of("Энергетика") == 10)
        #expect(DisplayWidth.of("Oʻzbekiston") == 11)
        #expect(DisplayWidth.of("Qoʻqon — Gʻuzor, “A”") == 20)
        #expect(DisplayWidth.of("Ўзбекистон, Қарши") == 17)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // e + combining acute
        #expect(DisplayWidth.of("Сэ\u{301}нт") == 4)
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("🇺🇿") == 2)
        #expect(DisplayWidth.widestLine("ab\ncdef") == 4)
        #expect(DisplayWidth.widestLine("ab\r\ncdef\nxyz") == 4)
        #expect(DisplayWidth.longestWord("Total value of projects") == 8)
        #expect(DisplayWidth.longestWord("Жами  қиймат\u{00A0}лойиҳалар") == 9)
    }

    /// The scalar fast path and the cluster count agree wherever the fast path applies.
    @Test func fastPathAgreesWithClusters() {
        let samples = ["Bus assembly plant — Tashkent Region, phase 4 #3969", "Gʻijduvon keramika zavodi",
                       "Ставропольский «Завод» №1", "Şəki–Qəbələ yolu", "Ταχυδρομείο", "Ẓahiriddin", "…‰‹›"]
        for text in samples {
            let clusters = text.reduce(0) { $0 + DisplayWidth.of($1) }
            #expect(DisplayWidth.of(text) == clusters, "\(text)")
        }
    }

    @Test func wrappedLines() {
        #expect(DisplayWidth.lineCount("Value", width: 10) == 1)
        #expect(DisplayWidth.lineCount("Total value of projects", width: 10) == 3)
        #expect(DisplayWidth.lineCount("abcdefghijkl", width: 5) == 3)
        #expect(DisplayWidth.lineCount("Лойиҳанинг умумий қиймати", width: 10) == 3)
        #expect(DisplayWidth.lineCount("漢字漢字 漢字", width: 4) == 3)
        #expect(DisplayWidth.lineCount("", width: 4) == 1)
    }
}
