import Foundation
import HamkorCore
import HamkorExport
import HamkorLocalization

/// Writes a report as a print-ready PDF through Cairo and Pango.
///
/// The page is A4 portrait with a binding margin on the left. The first page carries the
/// title block (title, subtitle, generated date and time, language, the sample-data notice);
/// every page carries a running header (the title and date) and footer (the sample-data notice
/// when it applies, and "page X of Y" in the report's language). Key figures are set as cards;
/// tables repeat their header row on every page they run onto and never split a row; charts
/// are vectors. Text is shaped and wrapped by Pango in the configured font (Noto Sans), which is
/// embedded as a subset, so text copies out as text.
///
/// The document information carries the title, author, subject (the report's subtitle or
/// id), keywords (the title, the language's name, Hamkor), and the generated time as creation and modification
/// dates, both in the information dictionary and in an XMP metadata stream (with the language);
/// the catalog carries `/Lang`; the outline has a bookmark per section, table and chart.
/// Output is deterministic for the same document.
public struct PDFExporter: ReportExporter {
    public static let formatID = "pdf"
    public static let summary = "Print-ready PDF: A4, page numbers, tables, vector charts, outline"

    public var fileExtension: String { "pdf" }
    public var mediaType: String { "application/pdf" }
    public var canWriteToStandardOutput: Bool { false }
    public let configuration: PDFConfiguration

    public init(configuration: PDFConfiguration = PDFConfiguration()) {
        self.configuration = configuration
    }

    public func render(_ document: ReportDocument, context: ExportContext, into sink: any ExportSink) throws {
        let bytes = try renderBytes(document, context: context)
        try sink.writePart(Self.documentPart) { try $0.write(bytes: bytes) }
    }

    /// The PDF file's bytes.
    public func renderBytes(_ document: ReportDocument, context: ExportContext) throws -> [UInt8] {
        let page = PageSize.a4
        let bytes: [UInt8]
        do {
            let canvas = try CairoCanvas(pageSize: page, language: document.language.tag, fontFamily: configuration.fontFamily)
            let info = info(document)
            canvas.setMetadata(info)
            var composer = DocumentComposer(document: document, context: context, canvas: canvas, page: page)
            let pages = composer.compose()
            PagePainter(canvas: canvas, page: page, document: document, locale: context.locale,
                        generatedLine: composer.generatedLine).paint(pages)
            bytes = try CatalogUpdate.append(language: document.language.tag, metadata: XMPPacket.bytes(info), to: try canvas.finish())
        } catch let error as PDFError {
            throw ExportError.writerFailed(format: Self.formatID, reason: error.description)
        }
        return bytes
    }

    private func info(_ document: ReportDocument) -> PDFInfo {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return PDFInfo(title: document.title, author: configuration.author,
                       subject: document.subtitle ?? document.title,
                       keywords: [document.title, document.labels.languageName, "Hamkor"],
                       creator: "Hamkor", date: formatter.string(from: document.generatedAt), language: document.language.tag)
    }
}

extension ReportExporter where Self == PDFExporter {
    /// The PDF exporter.
    public static func pdf(_ configuration: PDFConfiguration = PDFConfiguration()) -> PDFExporter {
        PDFExporter(configuration: configuration)
    }
}
