import Foundation
import Testing
import ZIPFoundation
@testable import HamkorWorkbook

@Suite struct WorkbookTests {
    private func rows(_ url: URL, limits: WorkbookLimits = .standard) throws -> [SheetRow] {
        let workbook = try Workbook(url: url, limits: limits)
        var rows: [SheetRow] = []
        try workbook.rows(of: workbook.sheets[0]) { rows.append($0); return true }
        return rows
    }

    @Test func readsSharedInlineNumberBoolErrorAndDateCells() throws {
        let url = try TestWorkbook.write(sheet: TestWorkbook.sheet("""
            <row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t>Энергетика</t></is></c>\
            <c r="D2"><v>1234.5</v></c><c r="E2" t="b"><v>1</v></c><c r="F2" t="e"><v>#DIV/0!</v></c>\
            <c r="G2" s="2"><v>45527</v></c><c r="H2"><f>SUM(D2:D2)</f><v>1234.5</v></c></row>\
            <row r="3"><c t="s"><v>1</v></c><c><v>0.30000000000000004</v></c></row>
            """), strings: ["Oʻzbekiston &amp; Ozarbayjon", "second"])
        let found = try rows(url)
        #expect(found.map(\.number) == [2, 3])
        let cells = found[0].cells
        #expect(cells.map(\.address.description) == ["B2", "C2", "D2", "E2", "F2", "G2", "H2"])
        #expect(cells[0].value == .text("Oʻzbekiston & Ozarbayjon"))
        #expect(cells[1].value == .text("Энергетика"))
        #expect(cells[2].value == .number("1234.5", isDate: false))
        #expect(cells[3].value == .bool(true))
        #expect(cells[4].value == .error("#DIV/0!"))
        #expect(cells[5].value == .number("45527", isDate: true))
        #expect(cells[6].isFormula && cells[6].value == .number("1234.5", isDate: false))
        // Cells without references follow on from the row's start.
        #expect(found[1].cells.map(\.address.description) == ["A3", "B3"])
    }

    @Test func dateSerialsInBothSystems() {
        #expect(ExcelDate.civil(serial: 45527, uses1904: false)! == (2024, 8, 23))
        #expect(ExcelDate.civil(serial: 1, uses1904: false)! == (1900, 1, 1))
        #expect(ExcelDate.civil(serial: 61, uses1904: false)! == (1900, 3, 1))
        #expect(ExcelDate.civil(serial: 60, uses1904: false) == nil)  // 29 February 1900 never was
        #expect(ExcelDate.civil(serial: 44065, uses1904: true)! == (2024, 8, 23))
        #expect(ExcelDate.civil(serial: -5, uses1904: false) == nil)
    }

    @Test func layoutFindsHiddenColumnsAndMergedRanges() throws {
        let url = try TestWorkbook.write(sheet: TestWorkbook.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>",
            before: #"<cols><col min="3" max="4" width="0" hidden="1"/><col min="5" max="5" width="9"/></cols>"#,
            after: #"<mergeCells count="2"><mergeCell ref="A4:A5"/><mergeCell ref="C4:G4"/></mergeCells>"#))
        let workbook = try Workbook(url: url)
        let layout = try workbook.layout(of: workbook.sheets[0])
        #expect(layout.hiddenColumns == [3, 4])
        #expect(layout.mergedRanges == [CellRange("A4:A5")!, CellRange("C4:G4")!])
    }

    @Test func sheetsByNameAndTheSecondDateSystem() throws {
        let url = try TestWorkbook.write(sheet: TestWorkbook.sheet(""), sheetNames: ["Лист1", "Loyihalar"], date1904: true)
        let workbook = try Workbook(url: url)
        #expect(workbook.sheets.map(\.name) == ["Лист1", "Loyihalar"])
        #expect(workbook.sheet(named: "loyihalar")?.part == "xl/worksheets/sheet2.xml")
        #expect(workbook.uses1904)
    }

    @Test func stopsEarlyWhenAsked() throws {
        let body = (1...50).map { "<row r=\"\($0)\"><c><v>\($0)</v></c></row>" }.joined()
        let url = try TestWorkbook.write(sheet: TestWorkbook.sheet(body))
        let workbook = try Workbook(url: url)
        var seen = 0
        try workbook.rows(of: workbook.sheets[0]) { _ in seen += 1; return seen < 3 }
        #expect(seen == 3)
    }
}
