import Testing
@testable import HamkorXLSX

@Suite struct DisplayWidthTests {
    @Test func countsGraphemesAndWideCharacters() {
        #expect(DisplayWidth.of("Energy") == 6)
        #expect(DisplayWidth.of("Энергетика") == 10)
        #expect(DisplayWidth.of("Oʻzbekiston") == 11)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // e + combining acute
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("🇺🇿") == 2)
        #expect(DisplayWidth.of("ab\ncdef") == 4)
        #expect(DisplayWidth.longestWord("Total value of projects") == 8)
    }

    @Test func wrappedLines() {
        #expect(DisplayWidth.lineCount("Value", width: 10) == 1)
        #expect(DisplayWidth.lineCount("Total value of projects", width: 10) == 3)
        #expect(DisplayWidth.lineCount("abcdefghijkl", width: 5) == 3)
    }

    @Test func excelLimitsCountUTF16() {
        #expect(ExcelLimits.truncated("abc", toUTF16: 3) == nil)
        #expect(ExcelLimits.truncated("abcd", toUTF16: 3) == "abc")
        #expect(ExcelLimits.truncated("a😀b", toUTF16: 2) == "a")
    }

    @Test func cellReferences() {
        #expect(CellReference.column(0) == "A")
        #expect(CellReference.column(25) == "Z")
        #expect(CellReference.column(26) == "AA")
        #expect(CellReference.column(16383) == "XFD")
        #expect(CellReference.range(firstRow: 3, firstColumn: 2, lastRow: 19, lastColumn: 2) == "C4:C20")
        #expect(CellReference.quotedSheet("O'zbek") == "'O''zbek'")
    }
}
