import Foundation
import HamkorCore
import HamkorLocalization

/// A format that renders a ``ReportDocument``: CSV, plain text, XLSX, PDF, or a third party's.
///
/// An exporter only renders. It writes named parts into the ``ExportSink`` it is given and
/// never opens a file or standard output itself; ``ExportPublisher`` (behind
/// ``export(_:context:to:)``) publishes the parts atomically as a group of files or streams
/// them to stdout, and applies `--table` (``ExportContext/tableID``) to the document before
/// the exporter sees it.
///
/// Requirements every implementation must meet:
/// - **Deterministic**: the same document, locale and configuration give the same bytes.
/// - **Render only**: no figure is recomputed and the dataset is never read; everything comes
///   from the document (figures, captions) and the ``ReportLocale`` (number and date formats).
/// - **Safe text**: text from the document is written as text, never as a formula or markup
///   that the consumer would execute.
/// - **Into the sink**: one part for a one-part format (``ReportExporter/documentPart``), or one
///   part per piece (CSV: a part per table id); when the sink's ``ExportSink/layout`` is
///   ``ExportLayout/oneStream`` the exporter may join its pieces into one part.
/// - **Errors thrown, not printed**: failures are thrown (nothing is then published);
///   non-fatal problems (a truncated cell) go to ``ExportContext/diagnostics``.
///
/// Built-in conformers: `CSVExporter`, `TextBriefingExporter` (this module), `XLSXExporter`
/// (module `HamkorXLSX`) and `PDFExporter` (module `HamkorPDF`). Register them, and your own,
/// in an ``ExporterRegistry``.
public protocol ReportExporter: Sendable {
    /// The format's own settings, as JasperReports gives each format its configuration type.
    associatedtype Configuration: Sendable

    /// The stable lowercase id used by `--format` and job files (`csv`, `xlsx`, `txt`, `pdf`).
    static var formatID: String { get }
    /// A one-line description for `hamkor list formats`.
    static var summary: String { get }
    /// The file extension, without the dot.
    var fileExtension: String { get }
    /// The IANA media type of the output.
    var mediaType: String { get }
    /// Whether the output may go to standard output (text formats; binary ones need a file).
    var canWriteToStandardOutput: Bool { get }
    /// This instance's configuration.
    var configuration: Configuration { get }

    /// Renders the document into `sink` as named parts.
    func render(_ document: ReportDocument, context: ExportContext, into sink: any ExportSink) throws
}

extension ReportExporter {
    public var formatID: String { Self.formatID }
    public var canWriteToStandardOutput: Bool { true }
    /// The name of the only part of a one-part format (`document`).
    public static var documentPart: String { "document" }
}
