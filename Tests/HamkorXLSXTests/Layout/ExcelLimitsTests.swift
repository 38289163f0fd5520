import Testing
@testable import HamkorXLSX

@Suite struct ExcelLimitsTests {
    @Test func excelLimitsCountUTF16() {
        #expect(ExcelLimits.truncated("abc", toUTF16: 3) == nil)
        #expect(ExcelLimits.truncated("abcd", toUTF16: 3) == "abc")
        #expect(ExcelLimits.truncated("a😀b", toUTF16: 2) == "a")
    }

    /// A grapheme larger than the whole cell (one letter, 40,000 combining marks) is cut between
    /// its scalars: the cell holds 32,767 units, never nothing.
    @Test func aGraphemeLongerThanACellIsCutNotDropped() throws {
        let text = "a" + String(repeating: "\u{0301}", count: 40_000)
        let cut = try #require(ExcelLimits.truncated(text, toUTF16: ExcelLimits.maximumCellCharacters))
        #expect(cut.utf16.count == ExcelLimits.maximumCellCharacters)
        #expect(cut.unicodeScalars.first == "a")
        // Later graphemes are kept whole or left out.
        let mixed = String(repeating: "x", count: 32_760) + "e" + String(repeating: "\u{0301}", count: 100)
        #expect(ExcelLimits.truncated(mixed, toUTF16: 32_767) == String(repeating: "x", count: 32_760))
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
