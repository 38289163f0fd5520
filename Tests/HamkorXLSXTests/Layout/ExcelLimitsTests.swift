import Testing
@testable import HamkorXLSX

@Suite struct ExcelLimitsTests {
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
