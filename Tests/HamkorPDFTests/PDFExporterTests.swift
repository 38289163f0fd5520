import Foundation
import HamkorCore
import HamkorExport
import HamkorLocalization
import Testing
@testable import HamkorPDF

/// Every bundled report in every language, read back with poppler: the checks a ministry's
/// reader would make of a printed briefing, made on the PDF file itself.
@Suite struct PDFExporterTests {
    static let page = PageSize.a4
    static let cases: [(String, LanguageTag)] = PDFFixture.reports.flatMap { report in LanguageTag.allCases.map { (report, $0) } }

    @Test(arguments: cases)
    func bundledReportReadsBackFromThePDF(_ report: String, _ language: LanguageTag) throws {
        let document = try PDFFixture.document(report, language)
        let url = try PDFFixture.write(document, context: PDFFixture.context(language), name: "\(report).\(language.tag)")
        let bytes = try [UInt8](Data(contentsOf: url))

        // The file parses cleanly; title, page size and count.
        let (info, infoErrors) = try Poppler.info(url)
        #expect(infoErrors.isEmpty, "pdfinfo complained: \(infoErrors)")
        #expect(info["Title"] == document.title)
        #expect(info["Author"] == "Hamkor")
        #expect(info["Keywords"]?.contains(language.autonym) == true)  // metadata in the report language, no English ids
        #expect(info["Page size"]?.hasPrefix("595.276 x 841.89") == true, "\(info["Page size"] ?? "-")")
        let pageCount = try #require(Int(info["Pages"] ?? ""))
        #expect((1...12).contains(pageCount))
        #expect(bytes.firstRange(of: Array("/Lang (\(language.tag))".utf8)) != nil)
        #expect(bytes.firstRange(of: Array("/Type /Outlines".utf8)) != nil)

        // Fonts embedded as subsets.
        let fonts = try Poppler.fonts(url)
        #expect(!fonts.isEmpty)
        for font in fonts { #expect(font.embedded && font.subset, "\(font.name) is not an embedded subset") }

        // The sample-data notice on every page; every table's figures in reading order.
        let pages = try Poppler.pages(url)
        #expect(pages.count == pageCount)
        let notice = Poppler.normalised(document.labels.sampleData)
        for (index, text) in pages.enumerated() {
            #expect(Poppler.normalised(text).contains(notice), "page \(index + 1) lacks the sample-data notice")
        }
        let text = Poppler.normalised(pages.joined(separator: " "))
        let locale = PDFFixture.context(language).locale
        let generated = locale.dateTime(document.generatedAt, timeZone: TimeZone(identifier: "UTC")!)
        let labels = document.labels
        #expect(text.contains(Poppler.normalised("\(labels.generated): \(generated) \(labels.language): \(labels.languageName)")))
        let formatter = CellFormatter(locale: PDFFixture.context(language).locale, dateLength: .table)
        for table in document.tables {
            var cursor = text.startIndex
            var expected: [String] = []
            for row in table.rows {
                for (cell, column) in zip(row, table.columns) where column.type.isNumeric {
                    expected.append(formatter.string(for: cell, column: column.type))
                }
            }
            if let total = table.total {
                for (cell, column) in zip(total.cells, table.columns) where column.type.isNumeric {
                    expected.append(formatter.string(for: cell, label: total.label, column: column.type))
                }
            }
            #expect(!expected.isEmpty || !table.columns.contains { $0.type.isNumeric })
            for value in expected.map(Poppler.normalised) where !value.isEmpty {
                guard let found = text.range(of: value, range: cursor..<text.endIndex) else {
                    Issue.record("\(report) \(language.tag): table \(table.id): '\(value)' missing or out of order")
                    break
                }
                cursor = found.upperBound
            }
        }

        // A chart of several series names them in a legend under its title.
        for chart in document.charts where chart.series.count > 1 {
            let legend = ([chart.title] + (chart.valueAxisTitle.isEmpty ? [] : [chart.valueAxisTitle]) + chart.series.map(\.name))
            #expect(text.contains(Poppler.normalised(legend.joined(separator: " "))), "\(report) \(language.tag): no legend for \(chart.id)")
        }

        // The XMP metadata stream: title and language.
        let meta = try Poppler.run("pdfinfo", ["-meta", url.path])
        #expect(meta.text.contains("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(XMPPacket.escape(document.title))</rdf:li>"))
        #expect(meta.text.contains("<dc:language><rdf:Bag><rdf:li>\(language.tag)</rdf:li></rdf:Bag></dc:language>"))

        // No word outside the text area (left/right margins) or off the page.
        let boxes = try Poppler.wordBoxes(url)
        #expect(boxes.count == pageCount && boxes.allSatisfy { !$0.isEmpty })
        for (index, words) in boxes.enumerated() {
            for word in words {
                #expect(word.xMin >= Self.page.left - 1 && word.xMax <= Self.page.width - Self.page.right + 1
                        && word.yMin >= 0 && word.yMax <= Self.page.height,
                        "page \(index + 1): '\(word.word)' at x \(word.xMin)…\(word.xMax), y \(word.yMin)…\(word.yMax)")
            }
        }
    }

    @Test func sameDocumentGivesTheSameBytes() throws {
        let document = try PDFFixture.document("briefing", .russian)
        let first = try PDFExporter().renderBytes(document, context: PDFFixture.context(.russian))
        let second = try PDFExporter().renderBytes(document, context: PDFFixture.context(.russian))
        #expect(first == second)
        var later = document
        later.generatedAt = PDFFixture.generatedAt.addingTimeInterval(86_400)
        #expect(try PDFExporter().renderBytes(later, context: PDFFixture.context(.russian)) != first)
    }

    @Test(arguments: LanguageTag.allCases)
    func briefingPagesAreNotBlankAndInkStaysInsideTheMargins(_ language: LanguageTag) throws {
        let url = try PDFFixture.write(try PDFFixture.document("briefing", language), context: PDFFixture.context(language),
                                       name: "image.\(language.tag)")
        let images = try PageImage.pages(of: url)
        #expect(!images.isEmpty)
        let page = Self.page
        for (index, image) in images.enumerated() {
            #expect(image.ink(xFrom: page.left, xTo: page.width - page.right, yFrom: page.top, yTo: page.bodyBottom) > 40,
                    "page \(index + 1) is blank")
            #expect(image.ink(xFrom: 0, xTo: page.left - 3, yFrom: 0, yTo: page.height) == 0, "ink in the left margin, page \(index + 1)")
            #expect(image.ink(xFrom: page.width - page.right + 3, xTo: page.width, yFrom: 0, yTo: page.height) == 0,
                    "ink in the right margin, page \(index + 1)")
        }
    }
}
