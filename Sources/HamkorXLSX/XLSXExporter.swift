import Foundation
import HamkorCore
import HamkorExport
import HamkorLocalization

/// Writes a report as an Excel workbook (Office Open XML) through libxlsxwriter.
///
/// Layout: a summary sheet (title, provenance, key figures, running text in reading order),
/// then one sheet per table — title, a bold header with frozen panes and an autofilter, typed
/// cells with number formats, and a total row of live `SUBTOTAL` formulas whose cached results
/// are the document's own totals — with each chart drawn natively from its table's cells.
/// Output is deterministic: the creation date is the document's `generatedAt`.
public struct XLSXExporter: ReportExporter {
    public static let formatID = "xlsx"
    public static let summary = "Excel workbook: summary sheet, one sheet per table, native charts"

    public var fileExtension: String { "xlsx" }
    public var mediaType: String { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }
    public var canWriteToStandardOutput: Bool { false }
    public let configuration: XLSXConfiguration

    public init(configuration: XLSXConfiguration = XLSXConfiguration()) {
        self.configuration = configuration
    }

    public func render(_ document: ReportDocument, context: ExportContext, into sink: any ExportSink) throws {
        try sink.writePart(Self.documentPart, throughFile: { path in
            do {
                try CLocaleScope.run {
                    let renderer = WorkbookRenderer(document: document, context: context, configuration: configuration)
                    let folder = path.deletingLastPathComponent()
                    let culture = context.locale.language.icuIdentifier.replacingOccurrences(of: "_", with: "-")
                    guard culture != "en-US" else {
                        try renderer.render(to: path.path, temporaryFolder: folder.path)
                        return
                    }
                    // libxlsxwriter tags charts en-US: write a draft beside the part, then copy it tagged.
                    let draft = folder.appendingPathComponent(AtomicFileWriter.temporaryName(for: path.lastPathComponent))
                    defer { try? FileManager.default.removeItem(at: draft) }
                    try renderer.render(to: draft.path, temporaryFolder: folder.path)
                    try ChartLanguageTagger.copy(draft, to: path, culture: culture)
                }
            } catch XLSXError.cannotWriteFile(let reason) {
                // The staging file's path: the publisher names the output in its place.
                throw ExportError.cannotWrite(path: path.path, reason: reason)
            } catch let error as XLSXError {
                throw ExportError.writerFailed(format: Self.formatID, reason: error.description)
            }
        })
    }
}

extension ReportExporter where Self == XLSXExporter {
    /// The XLSX exporter, for generic call sites (`func run(_ exporter: some ReportExporter)` → `run(.xlsx())`).
    public static func xlsx(_ configuration: XLSXConfiguration = XLSXConfiguration()) -> XLSXExporter {
        XLSXExporter(configuration: configuration)
    }
}
