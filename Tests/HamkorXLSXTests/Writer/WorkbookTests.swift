import Foundation
import Testing
@testable import HamkorXLSX

@Suite struct WorkbookTests {
    @Test func closesOnceAndRefusesUseAfterClose() throws {
        let folder = try ReportFixture.temporaryFolder()
        let path = folder.appendingPathComponent("plain.xlsx").path
        let workbook = try Workbook(path: path, constantMemory: false, temporaryFolder: nil)
        let sheet = try workbook.addWorksheet(named: "Data")
        try sheet.write(text: "=1+1", row: 0, column: 0)
        try workbook.close()
        try workbook.close()  // idempotent
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(throws: XLSXError.workbookClosed) { _ = try workbook.addWorksheet(named: "More") }
    }

    @Test func freesWithoutWritingWhenNeverClosed() throws {
        let folder = try ReportFixture.temporaryFolder()
        let path = folder.appendingPathComponent("never.xlsx").path
        do {
            let workbook = try Workbook(path: path, constantMemory: false, temporaryFolder: nil)
            _ = try workbook.addWorksheet(named: "Data")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func libraryErrorsCarryTheLibrarysText() throws {
        let folder = try ReportFixture.temporaryFolder()
        let workbook = try Workbook(path: folder.appendingPathComponent("e.xlsx").path, constantMemory: false, temporaryFolder: nil)
        _ = try workbook.addWorksheet(named: "Data")
        do {
            _ = try workbook.addWorksheet(named: "data")
            Issue.record("a duplicate sheet name was accepted")
        } catch let XLSXError.library(operation, code, message) {
            #expect(operation.contains("data"))
            #expect(code != 0)
            #expect(message.lowercased().contains("sheet"))
        }
        let sheet = try workbook.addWorksheet(named: "Other")
        #expect(throws: XLSXError.self) { try sheet.write(text: String(repeating: "x", count: 40_000), row: 0, column: 0) }
        #expect(throws: XLSXError.self) { try sheet.setFooter(String(repeating: "x", count: 300)) }
    }

    @Test func formatsAreShared() throws {
        let folder = try ReportFixture.temporaryFolder()
        let workbook = try Workbook(path: folder.appendingPathComponent("f.xlsx").path, constantMemory: false, temporaryFolder: nil)
        let bold = try workbook.formats.format(.caption)
        let again = try workbook.formats.format(CellStyle(bold: true))
        #expect(bold?.handle == again?.handle)
        #expect(try workbook.formats.format(.plain) == nil)
        #expect(workbook.formats.count == 1)
    }

    @Test func unwritablePathFailsAtClose() throws {
        let workbook = try Workbook(path: "/nonexistent-folder/x.xlsx", constantMemory: false, temporaryFolder: nil)
        _ = try workbook.addWorksheet(named: "Data")
        #expect(throws: XLSXError.self) { try workbook.close() }
    }
}
