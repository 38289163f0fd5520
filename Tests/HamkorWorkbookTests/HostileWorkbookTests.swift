import Foundation
import Testing
import ZIPFoundation
@testable import HamkorWorkbook

/// Workbooks built to hurt: each is refused with a clear error or read safely, never a crash or a hang.
@Suite struct HostileWorkbookTests {
    private func error(_ body: () throws -> Void) -> WorkbookError? {
        do { try body(); return nil } catch let error as WorkbookError { return error } catch { return WorkbookError("\(error)") }
    }

    private func readAll(_ url: URL, limits: WorkbookLimits = .standard) throws {
        let workbook = try Workbook(url: url, limits: limits)
        try workbook.rows(of: workbook.sheets[0]) { _ in true }
    }

    private var baseParts: [String: Data] {
        [
            "_rels/.rels": Data(TestWorkbook.rootRels.utf8),
            "xl/workbook.xml": Data(TestWorkbook.workbookXML(sheets: ["Лист1"]).utf8),
            "xl/_rels/workbook.xml.rels": Data(TestWorkbook.workbookRels(sheets: 1).utf8),
            "xl/styles.xml": Data(TestWorkbook.styles.utf8),
            "xl/sharedStrings.xml": Data(TestWorkbook.sharedStrings([]).utf8),
        ]
    }

    @Test func zipBombIsRefusedByItsInflationRatio() throws {
        // 32 MiB of spaces between a sheet's elements compress about a thousandfold.
        let url = try TestWorkbook.writeRepeated(path: "xl/worksheets/sheet1.xml",
                                                 prefix: #"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
                                                 filler: UInt8(ascii: " "), count: 32 << 20, suffix: "</sheetData></worksheet>",
                                                 base: baseParts)
        let failure = error { try readAll(url) }
        #expect(failure?.message.contains("zip bomb") == true, "\(String(describing: failure))")
    }

    @Test func aCellOfAMillionCharactersIsRefusedAtItsCell() throws {
        let url = try TestWorkbook.writeRepeated(path: "xl/worksheets/sheet1.xml",
                                                 prefix: #"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="4"><c r="D4" t="inlineStr"><is><t>"#,
                                                 filler: UInt8(ascii: "x"), count: 1_000_000, suffix: "</t></is></c></row></sheetData></worksheet>",
                                                 base: baseParts)
        let failure = error { try readAll(url) }
        #expect(failure?.cell == "Лист1!D4")
        #expect(failure?.message.contains("32,767") == true)
    }

    @Test func aMillionSharedStringsAreRefusedBeyondTheLimit() throws {
        // Read to the limit, then refused: the table never grows past it. (Within the default
        // limit of 2,000,000 a table this size is read; Benchmarks/README.md has the time.)
        let strings = (0..<1_000_000).map { "s\($0)" }
        let url = try TestWorkbook.write(sheet: TestWorkbook.sheet(#"<row r="1"><c r="A1" t="s"><v>999999</v></c></row>"#), strings: strings)
        let failure = error { _ = try Workbook(url: url, limits: WorkbookLimits(maxSharedStrings: 50_000)) }
        #expect(failure?.message.contains("more than 50000 strings") == true)
        // A table that declares its size is refused before a string is read.
        let declared = try TestWorkbook.write(sheet: TestWorkbook.sheet(""), extraParts: ["xl/sharedStrings.xml": Data(
            #"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="1000000"><si><t>a</t></si></sst>"#.utf8)])
        #expect(error { _ = try Workbook(url: declared, limits: WorkbookLimits(maxSharedStrings: 50_000)) }?.message.contains("declares 1000000 strings") == true)
    }

    @Test func entityDeclarationsAreRefused() throws {
        let bomb = """
        <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>
        """
        let url = try TestWorkbook.write(sheet: bomb)
        let failure = error { try readAll(url) }
        #expect(failure?.message.contains("document type or entity declaration") == true)
    }

    @Test func textAndHTMLSavedAsXLSXAreNamedForWhatTheyAre() throws {
        let folder = FileManager.default.temporaryDirectory
        let csv = folder.appendingPathComponent("register-\(UUID().uuidString).xlsx")
        try Data("id;name;sector\np1;Plant;energy\n".utf8).write(to: csv)
        #expect(error { _ = try Workbook(url: csv) }?.message.contains("perhaps CSV") == true)
        let html = folder.appendingPathComponent("register-\(UUID().uuidString).xlsx")
        try Data("<html><body><table><tr><td>1</td></tr></table></body></html>".utf8).write(to: html)
        #expect(error { _ = try Workbook(url: html) }?.message.contains("HTML page") == true)
        let empty = folder.appendingPathComponent("register-\(UUID().uuidString).xlsx")
        try Data().write(to: empty)
        #expect(error { _ = try Workbook(url: empty) }?.message.contains("empty") == true)
    }

    @Test func aZipThatIsNoWorkbookIsRefused() throws {
        let url = try TestWorkbook.writeParts(["word/document.xml": Data("<w/>".utf8)])
        #expect(error { _ = try Workbook(url: url) }?.message.contains("not an Excel workbook") == true)
    }

    @Test func macrosAndExternalLinksAreNeverOpenedAndTheValuesAreRead() throws {
        let link = #"<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/>"#
        let url = try TestWorkbook.write(
            sheet: TestWorkbook.sheet(#"<row r="1"><c r="A1"><f>[1]Sheet1!A1*2</f><v>42</v></c><c r="B1"><f>1/0</f></c></row>"#),
            extraParts: ["xl/vbaProject.bin": Data(repeating: 0xCC, count: 512),
                         "xl/externalLinks/externalLink1.xml": Data("<externalLink/>".utf8)],
            relsExtra: link)
        let workbook = try Workbook(url: url)
        #expect(workbook.hasMacros && workbook.hasExternalLinks)
        var cells: [SheetCell] = []
        try workbook.rows(of: workbook.sheets[0]) { cells += $0.cells; return true }
        // The cached result is read; a formula with no cached result is an empty cell.
        #expect(cells == [SheetCell(address: CellAddress(row: 1, column: 1), value: .number("42", isDate: false), isFormula: true)])
    }

    @Test func rowsOutOfOrderAndForeignCellReferencesAreRefused() throws {
        let backwards = try TestWorkbook.write(sheet: TestWorkbook.sheet(#"<row r="5"><c r="A5"><v>1</v></c></row><row r="3"><c r="A3"><v>1</v></c></row>"#))
        #expect(error { try readAll(backwards) }?.message.contains("out of order") == true)
        let foreign = try TestWorkbook.write(sheet: TestWorkbook.sheet(#"<row r="5"><c r="A9"><v>1</v></c></row>"#))
        #expect(error { try readAll(foreign) }?.message.contains("does not belong to row 5") == true)
        let missingString = try TestWorkbook.write(sheet: TestWorkbook.sheet(#"<row r="2"><c r="C2" t="s"><v>7</v></c></row>"#))
        #expect(error { try readAll(missingString) }?.cell == "Лист1!C2")
    }

    @Test func malformedXMLIsAnErrorNotACrash() throws {
        let url = try TestWorkbook.write(sheet: "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row>")
        #expect(error { try readAll(url) } != nil)
    }
}
