import Foundation
import HamkorCore

/// The one driver between an exporter and the outside world: it narrows the document to the
/// table asked for, lets the exporter render into a sink, and publishes what was rendered.
///
/// - To a file: every part is staged beside the target and, once the exporter has returned,
///   renamed into place as one group (``AtomicFileGroup``): one part becomes the target, several
///   become `BASE.PART.EXT` siblings. If the exporter throws, nothing is published.
/// - To standard output: the parts follow each other on stdout (only for exporters with
///   ``ReportExporter/canWriteToStandardOutput``).
///
/// ``ExportContext/tableID`` is applied here, once, for every format
/// (``ReportDocument/selectingTable(_:)``); exporters never see the other tables.
public enum ExportPublisher {
    /// Renders `document` with `exporter` and publishes it to `target`; returns the files
    /// written (none for standard output).
    public static func publish(_ document: ReportDocument, with exporter: any ReportExporter,
                               context: ExportContext, to target: ExportTarget) throws -> [ExportedFile] {
        let selected = try context.tableID.map { try document.selectingTable($0) } ?? document
        switch target {
        case .standardOutput:
            guard exporter.canWriteToStandardOutput else { throw ExportError.needsFilePath(format: exporter.formatID) }
            try exporter.render(selected, context: context, into: StreamExportSink())
            return []
        case .file(let url):
            let sink = FileExportSink(target: url, fileExtension: exporter.fileExtension)
            do {
                try exporter.render(selected, context: context, into: sink)
            } catch {
                sink.discard()
                throw error
            }
            return try sink.publish()
        }
    }
}

extension ReportExporter {
    /// Renders the document and publishes it to `target` through ``ExportPublisher``.
    public func export(_ document: ReportDocument, context: ExportContext, to target: ExportTarget) throws -> [ExportedFile] {
        try ExportPublisher.publish(document, with: self, context: context, to: target)
    }

    /// Renders the document into memory: the parts an export to a file would publish.
    public func renderParts(_ document: ReportDocument, context: ExportContext,
                            layout: ExportLayout = .separateParts) throws -> [MemoryExportSink.Part] {
        let sink = MemoryExportSink(layout: layout)
        let selected = try context.tableID.map { try document.selectingTable($0) } ?? document
        try render(selected, context: context, into: sink)
        return sink.parts
    }
}
