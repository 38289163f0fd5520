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

    @Test func lineChartLabelsNeverOverlapAndALegendNamesTheSeries() throws {
        let quarters = (2021...2025).flatMap { year in (1...4).map { "\(year)-Q\($0)" } }
        let chart = ChartBlock(id: "flows", kind: .line, title: "Flows", categoryAxisTitle: "", valueAxisTitle: "",
                               categories: quarters,
                               series: [ChartSeries(name: "Exportsseries", values: quarters.indices.map { Decimal($0 + 10) * 1_000_000 }),
                                        ChartSeries(name: "Importsseries", values: quarters.indices.map { Decimal(15 - $0) * 1_000_000 })],
                               source: nil)
        let (_, pages) = try Self.words(Self.document([.chart(chart)], title: "Flows"), name: "line")
        let words = pages[0]
        #expect(words.contains { $0.word == "Exportsseries" } && words.contains { $0.word == "Importsseries" })
        // 20 quarter labels do not fit side by side: every n-th is shown, in order, apart.
        let labels = words.filter { quarters.contains($0.word) }
        #expect(labels.count >= 4 && labels.count < quarters.count, "\(labels.map(\.word))")
        #expect(labels.map(\.word) == labels.map(\.word).sorted())
        for (a, b) in zip(labels, labels.dropFirst()) {
            #expect(a.xMax <= b.xMin, "'\(a.word)' overlaps '\(b.word)'")
        }
        // The value axis covers the negative values (−4 mln) in the language's compact numbers.
        #expect(words.contains { $0.word.hasPrefix("-") || $0.word.hasPrefix("−") })
        #expect(words.contains { $0.word.contains("mln") })
    }

    @Test func labelBoxesNeverOverlapAndStayInThePlot() {
        for count in [1, 2, 7, 20, 60] {
            for widest in [5.0, 30, 80, 500] {
                let boxes = DocumentComposer.labelBoxes(count: count, slot: 400 / Double(count), plotLeft: 100, plotRight: 500, widest: widest)
                #expect(!boxes.isEmpty && boxes[0].index == 0)
                for (a, b) in zip(boxes, boxes.dropFirst()) { #expect(a.x + a.width <= b.x + 0.001) }
                for box in boxes { #expect(box.x >= 100 && box.x + box.width <= 500.001) }
                // A label fits its box unless it is wider than the whole plot.
                if widest + 6 <= 400 { #expect(boxes.allSatisfy { $0.width >= min(widest + 6, 400) / 2 }) }
            }
        }
    }

    @Test func theCatalogGetsLangAndXMPMetadataInAnIncrementalUpdate() throws {
        let title = "Savdo & <hamkorlik> \"2024\""
        let url = try PDFFixture.write(Self.document([.paragraph("x")], title: title), context: PDFFixture.context(.uzbekLatin), name: "lang")
        let bytes = try [UInt8](Data(contentsOf: url))
        #expect(bytes.firstRange(of: Array("/Lang (uz) /Metadata".utf8)) != nil)
        let (info, errors) = try Poppler.info(url)
        #expect(errors.isEmpty, "\(errors)")
        #expect(info["Pages"] == "1")
        #expect(info["Title"] == title)
        let meta = try Poppler.run("pdfinfo", ["-meta", url.path])
        #expect(meta.stderr.isEmpty, "\(meta.stderr)")
        #expect(meta.text.contains("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Savdo &amp; &lt;hamkorlik&gt; &quot;2024&quot;</rdf:li>"))
        #expect(meta.text.contains("<dc:language><rdf:Bag><rdf:li>uz</rdf:li></rdf:Bag></dc:language>"))
        #expect(meta.text.contains("<xmp:CreateDate>2024-08-23T08:00:00Z</xmp:CreateDate>"))
        #expect(meta.text.contains("<dc:creator><rdf:Seq><rdf:li>Hamkor</rdf:li></rdf:Seq></dc:creator>"))

        // Byte-exact: every entry of the appended cross-reference section points at its object,
        // and the trailer chains back to Cairo's table.
        let text = String(decoding: bytes, as: UTF8.self)
        let sections = text.components(separatedBy: "\nxref\n")
        #expect(sections.count == 3)
        let last = sections[2]
        var lines = last.split(separator: "\n").makeIterator()
        var checked = 0
        while let header = lines.next(), !header.hasPrefix("trailer") {
            let parts = header.split(separator: " ")
            guard parts.count == 2, let first = Int(parts[0]), let count = Int(parts[1]) else { break }
            for number in first..<first + count {
                let next = lines.next()
                let entry = try #require(next)
                if number == 0 { #expect(entry == "0000000000 65535 f "); continue }
                let offset = try #require(Int(entry.prefix(10)))
                #expect(bytes[offset...].starts(with: Array("\(number) 0 obj".utf8)), "object \(number) at \(offset)")
                checked += 1
            }
        }
        #expect(checked == 2)
        let startxrefs = text.components(separatedBy: "startxref\n").dropFirst().map { $0.prefix { $0.isNumber } }
        #expect(startxrefs.count == 2)
        #expect(last.contains("/Prev \(startxrefs[0])"))
        // The metadata stream's /Length is exact.
        let lengthKey = try #require(bytes.lastRange(of: Array("/Subtype /XML /Length ".utf8)))
        let length = try #require(Int(String(decoding: bytes[lengthKey.upperBound...].prefix { (0x30...0x39).contains($0) }, as: UTF8.self)))
        let streamStart = try #require(bytes[lengthKey.upperBound...].firstRange(of: Array(">>\nstream\n".utf8)))
        #expect(bytes[(streamStart.upperBound + length)...].starts(with: Array("\nendstream".utf8)))

        #expect(throws: PDFError.self) { try CatalogUpdate.append(language: "en", metadata: [], to: Array("%PDF-1.5 nothing".utf8)) }
    }
}
