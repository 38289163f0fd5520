import Foundation
import HamkorCore
import HamkorExport
import HamkorLocalization
import Testing
@testable import HamkorPDF

/// Layout rules checked on hand-built documents: long words wrap inside the margins, a long
/// table repeats its header on every page and never splits a row, charts keep their labels
/// apart.
@Suite struct PageLayoutTests {
    static let page = PageSize.a4
    static let longWord = String(repeating: "Oʻzbekistonʼ№ə", count: 30)

    static func document(_ blocks: [ReportBlock], title: String = "Layout " + longWord) -> ReportDocument {
        ReportDocument(reportID: "layout", title: title, subtitle: longWord, language: .uzbekLatin,
                       generatedAt: PDFFixture.generatedAt, dataSources: [longWord], isSampleData: true, blocks: blocks,
                       labels: .english)
    }

    static func words(_ document: ReportDocument, name: String) throws -> (url: URL, pages: [[(word: String, xMin: Double, yMin: Double, xMax: Double, yMax: Double)]]) {
        let url = try PDFFixture.write(document, context: PDFFixture.context(.uzbekLatin), name: name)
        return (url, try Poppler.wordBoxes(url))
    }

    @Test func longWordsWrapInsideTheMargins() throws {
        let table = TableBlock(id: "t", title: Self.longWord, shortTitle: "t",
                               columns: [TableColumn(id: "name", header: Self.longWord, type: .text),
                                         TableColumn(id: "value", header: "Value", type: .integer)],
                               rows: [[.text(Self.longWord), .integer(1_234_567)]])
        let chart = ChartBlock(id: "c", kind: .column, title: Self.longWord, categoryAxisTitle: "", valueAxisTitle: Self.longWord,
                               seriesName: "", points: [ChartPoint(label: Self.longWord, value: 5), ChartPoint(label: "b", value: 3)],
                               source: nil)
        let document = Self.document([.heading(Self.longWord), .paragraph(Self.longWord),
                                      .keyFigures(KeyFiguresBlock(figures: [KeyFigure(id: "k", label: Self.longWord, value: .text(Self.longWord))])),
                                      .table(table), .chart(chart), .bulletList(BulletListBlock(title: Self.longWord, items: [Self.longWord])),
                                      .notes([Self.longWord])])
        let (url, pages) = try Self.words(document, name: "long-words")
        #expect(!pages.isEmpty)
        for (index, words) in pages.enumerated() {
            for word in words {
                #expect(word.xMin >= Self.page.left - 1 && word.xMax <= Self.page.width - Self.page.right + 1,
                        "page \(index + 1): '\(word.word.prefix(20))…' at x \(word.xMin)…\(word.xMax)")
            }
        }
        // The running header keeps the title to one line, ending in an ellipsis.
        for words in pages {
            let header = words.filter { $0.yMax < Self.page.top - 8 }
            #expect(!header.isEmpty && header.allSatisfy { $0.yMin < Self.page.headerTop + 4 })
        }
        // Every piece of the long word is still there: pdftotext gives the letters back.
        let text = try Poppler.pages(url).joined().replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "-", with: "")
        #expect(text.contains("Oʻzbekistonʼ№əOʻzbekistonʼ№ə"))
    }

    @Test func aLongTableRepeatsItsHeaderOnEveryPageAndSplitsNoRow() throws {
        let rows: [[CellValue]] = (0..<260).map { index in
            [.text("row\(index)start " + String(repeating: "filler ", count: index % 3 * 12) + "row\(index)end"), .integer(index)]
        }
        let table = TableBlock(id: "long", title: "Long table", shortTitle: "long",
                               columns: [TableColumn(id: "name", header: "Uniqueheader", type: .text),
                                         TableColumn(id: "n", header: "Number", type: .integer)],
                               rows: rows, total: TotalRow(label: "Total", cells: [.label, .sum(.integer(33_670))]))
        let (_, pages) = try Self.words(Self.document([.table(table)]), name: "long-table")
        #expect(pages.count >= 5)
        for (index, words) in pages.enumerated() {
            #expect(words.contains { $0.word == "Uniqueheader" }, "page \(index + 1) lacks the header row")
        }
        for index in 0..<260 {
            let start = pages.firstIndex { $0.contains { $0.word == "row\(index)start" } }
            let end = pages.firstIndex { $0.contains { $0.word == "row\(index)end" } }
            #expect(start != nil && start == end, "row \(index) starts on page \(start ?? -1) and ends on \(end ?? -1)")
        }
    }

    @Test func columnChartLabelsNeverOverlap() throws {
        let points = (0..<6).map { ChartPoint(label: "Category number \($0) with a long name", value: Decimal($0 + 1) * 1_000_000) }
        let chart = ChartBlock(id: "c", kind: .column, title: "Columns", categoryAxisTitle: "", valueAxisTitle: "",
                               seriesName: "", points: points, source: nil)
        let (_, pages) = try Self.words(Self.document([.chart(chart)], title: "Columns"), name: "columns")
        let labels = pages[0].filter { $0.word == "Category" }
        #expect(labels.count == 6)
        for (a, b) in zip(labels, labels.dropFirst()) where abs(a.yMin - b.yMin) < 1 {
            #expect(a.xMax <= b.xMin || b.xMax <= a.xMin, "labels overlap")
        }
        // Axis numbers in the language's compact form (uz: "mln").
        #expect(pages[0].contains { $0.word.contains("mln") })
    }

    @Test func cairoWithoutLangGetsItAndTheCrossReferenceTableStillHolds() throws {
        let url = try PDFFixture.write(Self.document([.paragraph("x")]), context: PDFFixture.context(.uzbekLatin), name: "lang")
        let bytes = try [UInt8](Data(contentsOf: url))
        #expect(bytes.firstRange(of: Array("/Type /Catalog /Lang (uz)".utf8)) != nil)
        let (info, errors) = try Poppler.info(url)
        #expect(errors.isEmpty, "\(errors)")
        #expect(info["Pages"] == "1")
        #expect(throws: PDFError.self) { try LanguageEntry.insert(language: "en", into: Array("%PDF-1.5 nothing".utf8)) }
    }
}
