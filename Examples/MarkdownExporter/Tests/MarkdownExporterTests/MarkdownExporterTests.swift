import Foundation
import HamkorCore
import HamkorExport
import HamkorLocalization
import MarkdownExporter
import Testing

/// The example exporter registers like a built-in and renders a real report from the sample.
@Suite struct MarkdownExporterTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func registersAndExportsTheSamplePortfolioInRussian() throws {
        var registry = ExporterRegistry()
        registry.register(MarkdownExporter())
        let exporter = try registry.exporter(for: "md")
        #expect(registry.exporter(forExtension: "md") != nil)

        let engine = try ReportEngine(resources: ResourceLocator(root: Self.repository))
        let dataset = try engine.loadDataset([])
        let document = try engine.document(report: "portfolio", dataset: dataset, language: .russian,
                                           generatedAt: Date(timeIntervalSince1970: 1_724_400_000))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hamkor-md-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("portfolio.ru.md")
        let files = try exporter.export(document, context: ExportContext(locale: engine.locale(for: .russian)), to: .file(output))

        #expect(files.map(\.url) == [output])
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(text.hasPrefix("# \(document.title)\n"))
        #expect(text.contains("| --- | ---: | ---: | ---: |"))       // the sector table, numbers right-aligned
        #expect(text.contains("2\u{00A0}100\u{00A0}000\u{00A0}000\u{00A0}$"))  // the total, formatted by ICU for ru
        #expect(text.contains(document.labels.sampleData.replacingOccurrences(of: "-", with: "\\-")))
    }

    @Test func rendersOnePartIntoAMemorySinkWithTheTableAskedFor() throws {
        let engine = try ReportEngine(resources: ResourceLocator(root: Self.repository))
        let document = try engine.document(report: "portfolio", dataset: try engine.loadDataset([]), language: .english,
                                           generatedAt: Date(timeIntervalSince1970: 1_724_400_000))
        let table = try #require(document.tables.last)
        let context = ExportContext(locale: engine.locale(for: .english), tableID: table.id)
        let parts = try MarkdownExporter().renderParts(document, context: context)

        #expect(parts.map(\.name) == [MarkdownExporter.documentPart])
        let text = String(decoding: parts[0].bytes, as: UTF8.self)
        #expect(text.components(separatedBy: "\n|").count > 1)
        for other in document.tables where other.id != table.id {
            #expect(!text.contains("### \(other.title)\n"))  // --table reached this exporter through the driver
        }
    }

    @Test func textFromDataCannotInjectMarkup() {
        let document = ReportDocument(reportID: "x", title: "T", language: .english, generatedAt: Date(timeIntervalSince1970: 0),
                                      blocks: [.paragraph("[click](http://evil) | <script>")], labels: .english)
        let text = MarkdownExporter().render(document, locale: ReportLocale(language: .english, translator: Translator(language: .english, catalog: nil)))
        #expect(text.contains("\\[click\\]\\(http://evil\\) \\| \\<script\\>"))
    }
}
