import Foundation
import HamkorCore
import Testing
@testable import HamkorXLSX

/// Tables over the threshold are streamed row by row (libxlsxwriter's constant-memory mode).
@Suite struct ConstantMemoryTests {
    @Test func sixtyThousandRows() throws {
        let rowCount = 60_000
        let document = ReportFixture.document(.russian, rowCount: rowCount)
        let clock = ContinuousClock()
        var result: (URL, WorkbookArchive)?
        let elapsed = try clock.measure {
            result = try XLSXExporterTests.export(document, context: ReportFixture.context(.russian))
        }
        print("exported \(rowCount) rows in \(elapsed)")
        let (url, archive) = try #require(result)
        let sheet = try archive.text("xl/worksheets/sheet2.xml")
        let lastDataRow = rowCount + 3
        #expect(sheet.contains(#"<row r="\#(lastDataRow)""#))
        #expect(!sheet.contains(#"<row r="\#(lastDataRow + 2)""#))
        // Strings are written inline; no shared strings table grows with the data.
        #expect(sheet.contains(#"t="inlineStr""#))
        #expect(!sheet.contains("<mergeCell"))
        #expect(sheet.contains(#"<autoFilter ref="A3:G\#(lastDataRow)"/>"#))
        #expect(sheet.contains(#"state="frozen""#))
        let totalStart = try #require(sheet.range(of: #"<row r="\#(lastDataRow + 1)""#))
        let totalRow = String(sheet[totalStart.lowerBound...].prefix(2_000))
        #expect(totalRow.contains("<f>SUBTOTAL(109,C4:C\(lastDataRow))</f>"))
        let lastRowStart = try #require(sheet.range(of: #"<row r="\#(lastDataRow)""#))
        let lastRow = String(sheet[lastRowStart.lowerBound..<totalStart.lowerBound])
        #expect(lastRow.contains(#"<c r="G\#(lastDataRow)""#) && lastRow.contains("<v>\(rowCount)</v>"))
        #expect(try archive.text("xl/charts/chart1.xml").contains("$C$4:$C$\(lastDataRow)"))
        // No temporary files are left beside the output.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(leftovers == [url.lastPathComponent])
    }

    @Test func smallTablesUseSharedStrings() throws {
        let (_, archive) = try XLSXExporterTests.export(ReportFixture.document(.english), context: ReportFixture.context(.english))
        #expect(archive.has("xl/sharedStrings.xml"))
        let configuration = XLSXConfiguration(constantMemoryRowThreshold: 2)
        let (_, streamed) = try XLSXExporterTests.export(ReportFixture.document(.english), context: ReportFixture.context(.english),
                                                         configuration: configuration)
        let sheet = try streamed.text("xl/worksheets/sheet2.xml")
        #expect(sheet.contains(#"t="inlineStr""#))
        #expect(sheet.contains("<f>SUBTOTAL(109,C4:C8)</f>"))
    }
}
