import Foundation

/// Where an exporter puts what it renders: named parts, handed out one at a time.
///
/// An exporter never opens a file or standard output itself. It asks its sink for a part,
/// writes the part's bytes, and returns; the driver (``ExportPublisher``) decides where the
/// parts end up — renamed into place together as a group of files, streamed to standard
/// output one after another, or kept in memory (``MemoryExportSink``, for tests and embedding).
///
/// Part names are stable ids (``ReportExporter/documentPart``, a table id). When a target file receives a single
/// part, that part is the file; several parts become `BASE.NAME.EXT` siblings of the target.
public protocol ExportSink: AnyObject {
    /// How the parts will be published, so an exporter can join them when they share one stream.
    var layout: ExportLayout { get }

    /// Writes one part, streaming its bytes through the output handed to `body`.
    func writePart(_ name: String, _ body: (ExportPartOutput) throws -> Void) throws

    /// Writes one part through a file path, for libraries that write files themselves
    /// (libxlsxwriter, a PDF surface). `body` must write the whole part to the path it receives.
    func writePart(_ name: String, throughFile body: (URL) throws -> Void) throws
}

/// How a sink publishes its parts.
public enum ExportLayout: Sendable, Equatable {
    /// Each part is a file (or a value) of its own.
    case separateParts
    /// Every part goes, in order, to one stream (standard output); formats whose parts
    /// need separators or a single header write one part instead.
    case oneStream
}
