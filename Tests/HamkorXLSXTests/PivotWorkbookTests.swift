import Foundation
import HamkorCore
import HamkorExport
import HamkorLocalization
import Testing
import ZIPFoundation
@testable import HamkorXLSX

/// A cross-tab in a workbook: live row totals and column totals whose cached values LibreOffice
/// reproduces when it computes them itself.
@Suite struct PivotWorkbookTests {
    static func money(_ millions: Decimal) -> CellValue { .money(Money(amount: millions * 1_000_000, currency: "USD")) }

    /// Sections × years: Textiles 30, 35, — (65); Mineral products 10, 12, 19 (41).
    static func document() -> ReportDocument {
        let columns = [TableColumn(id: "section", header: "HS section", type: .code)]
            + ["2022", "2023", "2024"].map { TableColumn(id: $0, header: $0, type: .money(currency: "USD")) }
            + [TableColumn(id: "total", header: "Total", type: .money(currency: "USD"))]
        let rows: [[CellValue]] = [
            [.coded(code: "XI", label: "Textiles"), money(30), money(35), .empty, money(65)],
            [.coded(code: "V", label: "Mineral products"), money(10), money(12), money(19), money(41)],
        ]
        var table = TableBlock(id: "sections-by-year", title: "Turnover by section and year", shortTitle: "Sections by year",
                               columns: columns, rows: rows,
                               total: TotalRow(label: "Total", cells: [.label, .sum(money(40)), .sum(money(47)), .sum(money(19)), .sum(money(106))]))
        table.pivot = PivotLayout(columnField: "year", measure: "turnover", valueColumns: 1..<4, totalColumn: 4)
        return ReportDocument(reportID: "pivot", title: "Pivot", language: .english, generatedAt: ReportFixture.generatedAt,
                              blocks: [.table(table)], labels: .english)
    }

    /// The sheet part holding the cross-tab.
    static func pivotSheet(_ archive: WorkbookArchive) throws -> String {
        for index in 1...4 where archive.has("xl/worksheets/sheet\(index).xml") {
            let xml = try archive.text("xl/worksheets/sheet\(index).xml")
            if xml.contains("<f>SUM(") { return "xl/worksheets/sheet\(index).xml" }
        }
        throw WorkbookArchive.ArchiveProblem.missing("a sheet with SUM formulas")
    }

    /// Formula cells: reference → (formula, cached value).
    static func formulas(_ xml: String) -> [String: (formula: String, value: Double)] {
        var result: [String: (String, Double)] = [:]
        let pattern = try! NSRegularExpression(pattern: #"<c r="([A-Z]+[0-9]+)"[^>]*><f>([^<]*)</f><v>([^<]*)</v></c>"#)
        for match in pattern.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)) {
            let part = { (i: Int) in String(xml[Range(match.range(at: i), in: xml)!]) }
            result[part(1)] = (part(2), Double(part(3)) ?? .nan)
        }
        return result
    }

    @Test func rowTotalsAreLiveSumsAndColumnTotalsSubtotals() throws {
        let (_, archive) = try XLSXExporterTests.export(Self.document(), context: ReportFixture.context(.english))
        let found = Self.formulas(try archive.text(try Self.pivotSheet(archive)))
        let rowTotals = found.values.filter { $0.formula.hasPrefix("SUM(B") }
        #expect(rowTotals.count == 2)
        #expect(Set(rowTotals.map(\.value)) == [65_000_000, 41_000_000])
        let columnTotals = found.values.filter { $0.formula.hasPrefix("SUBTOTAL(109,") }
        #expect(columnTotals.map(\.value).sorted() == [19_000_000, 40_000_000, 47_000_000, 106_000_000])
    }

    @Test func aGrowthColumnAfterTheTotalsHoldsValuesNotFormulas() throws {
        var document = Self.document()
        guard case .table(var table) = document.blocks[0] else { Issue.record("no table"); return }
        // Growth of 2024 on 2023: Textiles has no 2024 figure, Mineral products 19/12 − 1; the total 19/47 − 1.
        table.columns.append(TableColumn(id: "growth", header: "Growth on a year earlier", type: .percent(fractionDigits: 1)))
        table.rows = TableRows([Array(table.rows[0]) + [.empty], Array(table.rows[1]) + [.percent(Decimal(string: "0.583")!)]],
                               width: table.columns.count)
        table.total?.cells.append(.value(.percent(Decimal(string: "-0.596")!)))
        document.blocks[0] = .table(table)
        let (_, archive) = try XLSXExporterTests.export(document, context: ReportFixture.context(.english))
        let xml = try archive.text(try Self.pivotSheet(archive))
        let found = Self.formulas(xml)
        // Row totals in column E (the total column), none in F (the growth column).
        #expect(Set(found.filter { $0.value.formula.hasPrefix("SUM(") }.keys.map { $0.prefix(1) }) == ["E"])
        #expect(!found.keys.contains { $0.hasPrefix("F") })
        #expect(xml.contains(#"<v>0.583</v>"#) && xml.contains(#"<v>-0.596</v>"#))
    }

    @Test func libreOfficeRecomputesTheTotalsToTheCachedValues() throws {
        guard let soffice = OfficeConversionTests.executable(["soffice", "libreoffice"]) else {
            print("skipped: soffice not installed")
            return
        }
        let (url, archive) = try XLSXExporterTests.export(Self.document(), context: ReportFixture.context(.english))
        let sheetPath = try Self.pivotSheet(archive)
        let sheetXML = try archive.text(sheetPath)
        let cached = Self.formulas(sheetXML)
        #expect(cached.count == 6)
        // A copy without cached results, so LibreOffice must compute every formula itself.
        let stripped = sheetXML.replacingOccurrences(of: #"(</f>)<v>[^<]*</v>"#, with: "$1", options: .regularExpression)
        let folder = url.deletingLastPathComponent()
        let copy = folder.appendingPathComponent("uncached.xlsx")
        let output = try Archive(url: copy, accessMode: .create)
        for entry in archive.archive {
            var data = Data()
            _ = try archive.archive.extract(entry, skipCRC32: true) { data.append($0) }
            if entry.path == sheetPath { data = Data(stripped.utf8) }
            let bytes = data
            try output.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard try OfficeConversionTests.convert(copy, to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                                                with: soffice) else { return }
        let csvName = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .first { $0.hasPrefix("uncached-") && $0.hasSuffix(".csv") && $0.contains("Sections") })
        let lines = try String(contentsOf: folder.appendingPathComponent(csvName), encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r")) }
        }
        // Each formula cell as LibreOffice computed it, against the value Hamkor cached.
        for (reference, formula) in cached {
            let letters = reference.prefix { $0.isLetter }
            let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
            let row = Int(reference.dropFirst(letters.count))! - 1
            let computed = try #require(lines.indices.contains(row) && lines[row].indices.contains(column) ? Double(lines[row][column]) : nil,
                                        "no number at \(reference)")
            #expect(computed == formula.value, "\(reference) \(formula.formula): LibreOffice \(computed), cached \(formula.value)")
        }
    }
}
