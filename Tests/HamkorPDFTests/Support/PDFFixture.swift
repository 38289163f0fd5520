import Foundation
import HamkorCore
import HamkorExport
import HamkorLocalization
@testable import HamkorPDF

/// The bundled reports and sample, rendered to PDF files in a temporary folder.
enum PDFFixture {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let engine = try! ReportEngine(resources: ResourceLocator(root: repository))
    static let sample = try! engine.loadDataset([])
    static let generatedAt = Date(timeIntervalSince1970: 1_724_400_000)
    static let reports = engine.definitions.keys.sorted()
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hamkor-pdf-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static func context(_ language: LanguageTag) -> ExportContext {
        ExportContext(locale: engine.locale(for: language))
    }

    static func document(_ report: String, _ language: LanguageTag) throws -> ReportDocument {
        try engine.document(report: report, dataset: sample, language: language, generatedAt: generatedAt)
    }

    /// Writes the document as PDF through the exporter driver and returns the file.
    static func write(_ document: ReportDocument, context: ExportContext, name: String) throws -> URL {
        let url = folder.appendingPathComponent("\(name).pdf")
        _ = try PDFExporter().export(document, context: context, to: .file(url))
        return url
    }
}
