import Foundation
import HamkorCore
import HamkorExport
import HamkorLocalization
import Testing
@testable import HamkorXLSX

/// Exports the fixture and reads the parts of the workbook back.
@Suite struct XLSXExporterTests {
    /// Exports a document and opens the result.
    static func export(_ document: ReportDocument, context: ExportContext,
                       configuration: XLSXConfiguration = XLSXConfiguration()) throws -> (URL, WorkbookArchive) {
        let folder = try ReportFixture.temporaryFolder()
        let url = folder.appendingPathComponent("\(document.reportID).\(document.language.tag).xlsx")
        let files = try XLSXExporter(configuration: configuration).export(document, context: context, to: .file(url))
        #expect(files == [ExportedFile(url: url, bytes: Int((try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? -1))])
        return (url, try WorkbookArchive(url))
    }

    @Test func describesItself() {
        let exporter = XLSXExporter()
        #expect(XLSXExporter.formatID == "xlsx")
        #expect(exporter.fileExtension == "xlsx")
        #expect(exporter.mediaType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        #expect(!exporter.canWriteToStandardOutput)
        #expect(exporter.configuration.constantMemoryRowThreshold == 50_000)
        var registry = ExporterRegistry()
        registry.register(exporter)
        #expect(registry.exporter(forExtension: "XLSX")?.formatID == "xlsx")
    }

    /// Text XML 1.0 forbids never reaches a workbook: loading refuses it with its location, and
    /// text that still gets this far fails the export, leaving no file, rather than writing a
    /// workbook spreadsheets cannot open.
    @Test(arguments: ["a\u{1}b", "a\u{FFFE}b", "\u{FFFF}", "x\u{1B}[31m"])
    func textXMLForbidsFailsTheExportAndWritesNothing(_ title: String) throws {
        var document = ReportFixture.document(.english)
        document.title = title
        let folder = try ReportFixture.temporaryFolder()
        let url = folder.appendingPathComponent("bad.xlsx")
        do {
            _ = try XLSXExporter().export(document, context: ReportFixture.context(.english), to: .file(url))
            Issue.record("\(title.unicodeScalars.map(\.value)) was written")
        } catch let ExportError.writerFailed(format, reason) {
            #expect(format == "xlsx" && reason.contains("a character XML (and so a workbook) cannot hold"), "\(reason)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(XMLText.firstForbidden(in: "tab\tline\nreturn\r é ʻ 😀") == nil)
    }

    @Test func refusesStandardOutput() {
        #expect(throws: ExportError.needsFilePath(format: "xlsx")) {
            try XLSXExporter().export(ReportFixture.document(.english), context: ReportFixture.context(.english), to: .standardOutput)
        }
    }

    @Test func refusesUnknownTable() {
        #expect(throws: ExportError.unknownTable("nope", known: ["by-sector", "second"])) {
            try XLSXExporter().export(ReportFixture.document(.english), context: ReportFixture.context(.english, tableID: "nope"),
                                      to: .file(URL(fileURLWithPath: "/tmp/never.xlsx")))
        }
    }

    @Test(arguments: [LanguageTag.english, .russian])
    func sheetNamesIncludingCyrillic(language: LanguageTag) throws {
        let context = ReportFixture.context(language)
        let (_, archive) = try Self.export(ReportFixture.document(language), context: context)
        let workbook = try archive.text("xl/workbook.xml")
        let names = WorkbookArchive.allMatches(#"<sheet name="([^"]*)""#, in: workbook).map(\.xmlUnescaped)
        switch language {
        case .russian:
            #expect(names == ["Итоги", "По отраслям", "итоги (2)"])
        default:
            #expect(names == ["Summary", "By sector", "History (2)"])
        }
        #expect(context.diagnostics.diagnostics.contains { $0.message.contains("sheet name") })
    }

    @Test(arguments: [LanguageTag.english, .russian])
    func tableSheetLayout(language: LanguageTag) throws {
        let (_, archive) = try Self.export(ReportFixture.document(language), context: ReportFixture.context(language))
        let sheet = try archive.text("xl/worksheets/sheet2.xml")

        // Title merged over the seven columns; header on row 3; panes frozen below it; autofilter.
        #expect(sheet.contains(#"<mergeCell ref="A1:G1"/>"#))
        #expect(sheet.contains(#"state="frozen""#) && sheet.contains(#"topLeftCell="A4""#))
        #expect(sheet.contains(#"<autoFilter ref="A3:G8"/>"#))
        #expect(try archive.string("C3", sheet: 2) == (language == .russian ? "Стоимость" : "Value"))

        // Numbers are numbers: money, percent, date, year, integer.
        for column in ["C", "D", "E", "F", "G"] {
            let cell = try #require(try archive.cell("\(column)4", sheet: 2))
            #expect(!cell.contains("t=\""), "\(column)4 is not a number: \(cell)")
            #expect(cell.contains("<v>"))
        }
        #expect(try archive.cell("C4", sheet: 2)?.contains("<v>1000000</v>") == true)
        #expect(try archive.cell("D4", sheet: 2)?.contains("<v>0.2</v>") == true)
        #expect(try archive.cell("E4", sheet: 2)?.contains("<v>45292</v>") == true)  // 2024-01-01
        // The percent sign spaced as the language spaces it in text and CSV (ru: a no-break space).
        #expect(try archive.numberFormat("D4", sheet: 2) == (language == .russian ? "0.0\"\u{00A0}\"%" : "0.0%"))
        #expect(try archive.numberFormat("F4", sheet: 2) == "0")
        let dateFormat = try #require(try archive.numberFormat("E4", sheet: 2))
        #expect(dateFormat.contains("yyyy") && dateFormat.contains("d") && dateFormat.contains("m"))
        if language == .russian { #expect(dateFormat == #"dd\.mm\.yyyy"#) }
        let moneyFormat = try #require(try archive.numberFormat("C4", sheet: 2))
        #expect(moneyFormat.contains("#,##0"))
        #expect(moneyFormat.contains(language == .russian ? "$" : "\"$\""))

        // Identifiers stay text, with Excel's warning switched off.
        #expect(try archive.string("B4", sheet: 2) == "00001")
        #expect(sheet.contains(#"<ignoredError sqref="B4:B8" numberStoredAsText="1"/>"#))

        // Formula-like text is a string, never a formula.
        let formulaLike = try #require(try archive.cell("A8", sheet: 2))
        #expect(formulaLike.contains(#"t="s""#) && !formulaLike.contains("<f>"))
        #expect(try archive.string("A8", sheet: 2) == ReportFixture.formulaLikeText)

        // The total row: live formulas with the document's totals cached.
        #expect(try archive.string("A9", sheet: 2) == (language == .russian ? "Итого" : "Total"))
        let total = try #require(try archive.cell("C9", sheet: 2))
        #expect(total.contains("<f>SUBTOTAL(109,C4:C8)</f>"))
        #expect(total.contains("<v>7500000</v>"))
        #expect(try archive.cell("G9", sheet: 2)?.contains("<f>SUBTOTAL(109,G4:G8)</f><v>15</v>") == true)

        // Printing: landscape (seven columns), A4, one page wide, header repeated, page footer.
        #expect(sheet.contains(#"orientation="landscape""#) && sheet.contains(#"paperSize="9""#))
        #expect(sheet.contains(#"fitToWidth="1""#) || sheet.contains(#"fitToHeight="0""#))
        let footer = language == .russian ? "&amp;CСтраница &amp;P из &amp;N" : "&amp;CPage &amp;P of &amp;N"
        #expect(sheet.contains("<oddFooter>\(footer)</oddFooter>"))
        let workbook = try archive.text("xl/workbook.xml")
        #expect(workbook.contains("_xlnm.Print_Titles"))
        #expect(workbook.contains("$3:$3"))
    }

    @Test(arguments: [LanguageTag.english, .russian])
    func chartDrawnFromTheTableCells(language: LanguageTag) throws {
        let (_, archive) = try Self.export(ReportFixture.document(language), context: ReportFixture.context(language))
        let chart = try archive.text("xl/charts/chart1.xml")
        let sheetName = language == .russian ? "'По отраслям'" : "'By sector'"
        #expect(chart.contains(language == .russian ? "Стоимость по отраслям" : "Value by sector"))
        #expect(chart.contains("<c:f>\(sheetName)!$A$4:$A$8</c:f>"))
        #expect(chart.contains("<c:f>\(sheetName)!$C$4:$C$8</c:f>"))
        #expect(chart.contains("<c:barDir val=\"col\"/>"))
        #expect(try archive.text("xl/worksheets/_rels/sheet2.xml.rels").contains("drawing"))
        #expect(!archive.has("xl/charts/chart2.xml"))
        // The chart's title is its alternative text; the drawing spans the chart's height in rows.
        let drawing = try archive.text("xl/drawings/drawing1.xml")
        #expect(drawing.contains("descr=\"\(language == .russian ? "Стоимость по отраслям" : "Value by sector")\""))
        let rows = drawing.matches(of: /<xdr:row>(\d+)<\/xdr:row>/).compactMap { Int($0.output.1) }
        #expect(rows.count == 2 && rows[1] - rows[0] == 360 / 20, "a 360-pixel column chart spans 18 rows of 20 pixels: \(rows)")
    }

    @Test func chartsAreSizedToTheirCategories() {
        #expect(Chart.size(kind: .bar, categories: 3) == (640, 288))
        #expect(Chart.size(kind: .bar, categories: 20) == (640, 670))
        #expect(Chart.size(kind: .bar, categories: 200) == (640, 1200))
        #expect(Chart.size(kind: .column, categories: 5) == (480, 360))
        #expect(Chart.size(kind: .column, categories: 14) == (872, 480))
        #expect(Chart.size(kind: .pie, categories: 30) == (480, 320))
    }

    @Test(arguments: [LanguageTag.english, .russian])
    func summarySheet(language: LanguageTag) throws {
        let document = ReportFixture.document(language)
        let (_, archive) = try Self.export(document, context: ReportFixture.context(language))
        let strings = try archive.sharedStrings()
        #expect(try archive.string("A1", sheet: 1) == document.title)
        #expect(try archive.string("A2", sheet: 1) == document.subtitle)
        #expect(strings.contains(document.labels.sampleData))
        #expect(strings.contains(document.labels.illustrativeNote))
        #expect(strings.contains(document.labels.languageName))
        #expect(strings.contains("• " + (language == .russian ? "Новые соглашения" : "New agreements")))
        let summary = try archive.text("xl/worksheets/sheet1.xml")
        #expect(summary.contains("<v>7500000</v>"))  // key figure as a number
        #expect(summary.contains("<v>1234.5</v>"))
        #expect(summary.contains("<v>0.253</v>"))
        let core = try archive.text("docProps/core.xml")
        #expect(core.contains("<dc:title>\(document.title)</dc:title>"))
        #expect(core.contains("<dc:creator>Hamkor</dc:creator>"))
        #expect(core.contains("2024-08-23T10:30:00Z"))
        #expect(try archive.text("docProps/custom.xml").contains(language.tag))
        // The summary links to each table's sheet.
        let links = try archive.text("xl/worksheets/sheet1.xml")
        let tableSheet = language == .russian ? "'По отраслям'!A1" : "'By sector'!A1"
        #expect(links.contains("<hyperlink ref=\"A21\" location=\"\(tableSheet)\""))
        #expect(try archive.string("A21", sheet: 1) == (language == .russian ? "Проекты по отраслям" : "Projects by sector"))
    }

    /// libxlsxwriter tags every chart `en-US`; each chart says the report's language instead, and
    /// the copied workbook is a sound ZIP (every part's CRC checks) with the same parts.
    @Test(arguments: LanguageTag.allCases)
    func chartsSayTheReportLanguage(language: LanguageTag) throws {
        var document = ReportFixture.document(.english)
        document.language = language
        let (url, archive) = try Self.export(document, context: ReportFixture.context(language))
        let culture = language.icuIdentifier.replacingOccurrences(of: "_", with: "-")
        let charts = archive.archive.map(\.path).filter { $0.hasPrefix("xl/charts/chart") }
        #expect(!charts.isEmpty)
        for chart in charts {
            let tags = WorkbookArchive.allMatches(#"<c:lang val="([^"]*)"/>"#, in: try archive.text(chart))
            #expect(tags == [culture], "\(chart): \(tags)")
        }
        for entry in archive.archive {
            _ = try archive.archive.extract(entry, skipCRC32: false) { _ in }
        }
        let folder = url.deletingLastPathComponent()
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".hamkor-tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func sameDocumentSameBytes() throws {
        let document = ReportFixture.document(.russian)
        let (first, _) = try Self.export(document, context: ReportFixture.context(.russian))
        let (second, _) = try Self.export(document, context: ReportFixture.context(.russian))
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }

    @Test func oneTableOnly() throws {
        let (_, archive) = try Self.export(ReportFixture.document(.english), context: ReportFixture.context(.english, tableID: "second"))
        let workbook = try archive.text("xl/workbook.xml")
        #expect(WorkbookArchive.allMatches(#"<sheet name="([^"]*)""#, in: workbook) == ["Summary", "History (2)"])
        #expect(!archive.has("xl/charts/chart1.xml"))
    }

    @Test func longCellsAreCutWithADiagnostic() throws {
        var document = ReportFixture.document(.english)
        document.blocks.append(.paragraph(String(repeating: "ж", count: 40_000)))
        let context = ReportFixture.context(.english)
        let (_, archive) = try Self.export(document, context: context)
        #expect(try archive.sharedStrings().contains(String(repeating: "ж", count: 32_767)))
        #expect(context.diagnostics.diagnostics.contains { $0.message.contains("32767 characters") })
    }

    @Test func tablesLongerThanASheetContinue() throws {
        let document = ReportFixture.document(.english)
        let context = ReportFixture.context(.english)
        let (_, archive) = try Self.export(document, context: context, configuration: XLSXConfiguration(maximumDataRowsPerSheet: 2))
        let workbook = try archive.text("xl/workbook.xml")
        #expect(WorkbookArchive.allMatches(#"<sheet name="([^"]*)""#, in: workbook)
                == ["Summary", "By sector", "By sector (2)", "By sector (3)", "History (2)"])
        let total = try #require(try archive.cell("C5", sheet: 4))
        #expect(total.contains("<f>SUBTOTAL(109,'By sector'!C4:C5)+SUBTOTAL(109,'By sector (2)'!C4:C5)+SUBTOTAL(109,C4:C4)</f>"))
        #expect(context.diagnostics.diagnostics.contains { $0.message.contains("continues on sheet 'By sector (2)'") })
    }

    @Test func chartsWithoutASourceAreDrawnFromSummaryCells() throws {
        for threshold in [50_000, 2] {
            var document = ReportFixture.document(.english)
            document.blocks.append(.chart(ChartBlock(
                id: "plain", kind: .bar, title: "=HYPERLINK(\"http://x\")", categoryAxisTitle: "Sector",
                valueAxisTitle: "USD", seriesName: "=A1", points: [ChartPoint(label: "A", value: 1), ChartPoint(label: "B", value: 2)],
                source: nil)))
            let (_, archive) = try Self.export(document, context: ReportFixture.context(.english),
                                               configuration: XLSXConfiguration(constantMemoryRowThreshold: threshold))
            // Charts are numbered in sheet order: the summary's comes first.
            let chart = try archive.text("xl/charts/chart1.xml")
            #expect(chart.contains("<c:barDir val=\"bar\"/>"))
            #expect(chart.contains("<c:f>Summary!$A$31:$A$32</c:f>"))
            #expect(chart.contains("<c:f>Summary!$B$31:$B$32</c:f>"))
            #expect(chart.contains("HYPERLINK(&quot;http://x&quot;)") || chart.contains("HYPERLINK(\"http://x\")"))
            #expect(try archive.text("xl/charts/chart2.xml").contains("'By sector'!$C$4:$C$8"))
            // Document text in a chart stays literal text, never a cell reference.
            #expect(!chart.contains("<c:f>A1</c:f>") && !chart.contains("<c:f>HYPERLINK"))
            #expect(try archive.text("xl/worksheets/_rels/sheet1.xml.rels").contains("drawing"))
        }
    }

    @Test func chartsWithABrokenSourceFallBackToTheirPoints() throws {
        var document = ReportFixture.document(.english)
        document.blocks.append(.chart(ChartBlock(
            id: "broken", kind: .pie, title: "Pie", categoryAxisTitle: "", valueAxisTitle: "", seriesName: "S",
            points: [ChartPoint(label: "A", value: 1)], source: ChartSource(tableID: "by-sector", categoryColumn: 0, valueColumn: 42))))
        let context = ReportFixture.context(.english)
        let (_, archive) = try Self.export(document, context: context)
        #expect(try archive.text("xl/charts/chart1.xml").contains("<c:pieChart>"))
        #expect(context.diagnostics.diagnostics.contains { $0.message.contains("chart 'broken'") })
    }

    @Test func wrappedHeadersGetATallerRow() throws {
        var document = ReportFixture.document(.english)
        guard case .table(var table) = document.blocks[3] else { Issue.record("fixture changed"); return }
        table.columns[6].header = "Number of projects signed in the period"
        document.blocks[3] = .table(table)
        let (_, archive) = try Self.export(document, context: ReportFixture.context(.english))
        let sheet = try archive.text("xl/worksheets/sheet2.xml")
        let height = WorkbookArchive.firstMatch(#"<row r="3"[^>]* ht="([0-9.]+)""#, in: sheet)
        #expect(height.flatMap(Double.init).map { $0 > 15 } == true, "row 3 height: \(height ?? "none")")
    }

    @Test(arguments: LanguageTag.allCases)
    func everyLanguageExports(language: LanguageTag) throws {
        var document = ReportFixture.document(.english)
        document.language = language
        let (_, archive) = try Self.export(document, context: ReportFixture.context(language))
        let dateFormat = try #require(try archive.numberFormat("E4", sheet: 2))
        #expect(dateFormat.contains("yy"))
        #expect(try archive.numberFormat("C4", sheet: 2)?.contains("#,##0") == true)
    }

    @Test func longFootersAreCutWithADiagnostic() throws {
        var document = ReportFixture.document(.english)
        document.labels.pageOfPages = String(repeating: "&", count: 200) + " {page} of {pages}"
        let context = ReportFixture.context(.english)
        let (_, archive) = try Self.export(document, context: context)
        let footer = try #require(WorkbookArchive.firstMatch(#"<oddFooter>(.*?)</oddFooter>"#, in: try archive.text("xl/worksheets/sheet2.xml")))
        let text = footer.xmlUnescaped
        #expect(text.count <= 255 && text.hasPrefix("&C&&"))
        #expect(text.reversed().prefix { $0 == "&" }.count % 2 == 0)  // no code cut in half
        #expect(context.diagnostics.diagnostics.contains { $0.message.contains("footer") })
    }

    @Test func concurrentExportsAgree() throws {
        let document = ReportFixture.document(.russian)
        let folder = try ReportFixture.temporaryFolder()
        let urls = (0..<4).map { folder.appendingPathComponent("copy\($0).xlsx") }
        let failures = FailureBox()
        DispatchQueue.concurrentPerform(iterations: urls.count) { index in
            do { _ = try XLSXExporter().export(document, context: ReportFixture.context(.russian), to: .file(urls[index])) }
            catch { failures.add("\(error)") }
        }
        #expect(failures.all.isEmpty)
        let first = try Data(contentsOf: urls[0])
        for url in urls.dropFirst() { #expect(try Data(contentsOf: url) == first) }
    }

    @Test func failureLeavesNoFile() throws {
        let folder = try ReportFixture.temporaryFolder()
        let blocker = folder.appendingPathComponent("file")
        try Data().write(to: blocker)
        let url = blocker.appendingPathComponent("out.xlsx")  // parent is a file
        #expect(throws: ExportError.self) {
            try XLSXExporter().export(ReportFixture.document(.english), context: ReportFixture.context(.english), to: .file(url))
        }
    }
}
