import Foundation
import HamkorCore
import HamkorLocalization

/// A format that renders a ``ReportDocument`` to bytes: CSV, plain text, XLSX, or a third party's.
///
/// Requirements every implementation must meet:
/// - **Deterministic**: the same document, locale and configuration give the same bytes.
/// - **Render only**: no figure is recomputed and the dataset is never read; everything comes
///   from the document (figures, captions) and the ``ReportLocale`` (number and date formats).
/// - **Safe text**: text from the document is written as text, never as a formula or markup
///   that the consumer would execute.
/// - **Atomic**: files are written through ``AtomicFileWriter`` (or an equivalent temporary
///   file beside the target, fsync and rename), so no path ever holds a partial file.
/// - **Errors thrown, not printed**: failures are thrown; non-fatal problems (a truncated cell)
///   go to ``ExportContext/diagnostics``.
///
/// Built-in conformers: `CSVExporter`, `TextBriefingExporter` (this module) and `XLSXExporter`
/// (module `HamkorXLSX`). Register them, and your own, in an ``ExporterRegistry``.
public protocol ReportExporter: Sendable {
    /// The format's own settings, as JasperReports gives each format its configuration type.
    associatedtype Configuration: Sendable

    /// The stable lowercase id used by `--format` and job files (`csv`, `xlsx`, `txt`).
    static var formatID: String { get }
    /// A one-line description for `hamkor list formats`.
    static var summary: String { get }
    /// The file extension, without the dot.
    var fileExtension: String { get }
    /// The IANA media type of the output.
    var mediaType: String { get }
    /// Whether one document may produce several files (one per table, for CSV).
    var producesMultipleFiles: Bool { get }
    /// Whether the output can be written to standard output (text formats can; XLSX cannot).
    var canWriteToStandardOutput: Bool { get }
    /// This instance's configuration.
    var configuration: Configuration { get }

    /// Renders the document to the target and returns the files written (none for stdout).
    func export(_ document: ReportDocument, context: ExportContext, to target: ExportTarget) throws -> [ExportedFile]
}

extension ReportExporter {
    public var formatID: String { Self.formatID }
    public var producesMultipleFiles: Bool { false }
    public var canWriteToStandardOutput: Bool { true }
}
