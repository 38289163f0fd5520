import Foundation
import HamkorCore
import HamkorLocalization

/// Writes a report's tables as CSV (RFC 4180), for spreadsheets or for programs.
///
/// See ``CSVConfiguration`` for the two dialects. In both:
/// - Each table is one header row, its data rows, and its total row last (the label in the
///   label's column, sums as numbers). Table titles are not written.
/// - Fields holding the delimiter, a quote, CR or LF are quoted, inner quotes doubled.
/// - Text (text cells, code labels, identifiers, headers, notes) that begins with `=`, `+`, `-`,
///   `@`, tab or CR is prefixed with `'` (``FormulaNeutralizer``); numbers come from typed cells
///   and are never prefixed, so `-5` stays a number.
/// - Money is the plain amount (`2134567890`, `12.5`) in the dialect's decimal mark. A money
///   column that shares one currency has it in the excel header (`Value (USD)`); a column with
///   several currencies gets an extra column of ISO 4217 codes right after it
///   (`value_currency` in the data dialect).
/// - Percentages: the excel dialect writes the percentage with its `%` sign and no space
///   (`25,3%` in ru, `25.3%` in en), which Excel and LibreOffice read as the *number* 0.253
///   shown as a percentage; the data dialect writes the fraction (`0.253`).
/// - The excel dialect adds, after one empty line, the table's notes and the sample-data and
///   illustrative-figures notices as one-field records; the data dialect holds only the table.
///
/// Which tables, and where (the driver applies `--table` before the exporter runs):
/// - Each table is a part named by its id; published to a file, a single table is the target
///   path itself and several tables are one file each, `BASE.TABLE-ID.csv` beside the target
///   (``ExportTarget/sibling(of:part:extension:)``), all renamed into place together.
/// - To one stream (standard output): one part, the tables one after another, separated by
///   one empty line (the byte-order mark, in the excel dialect, only once at the very start).
///
/// Output is streamed through a 64 KiB buffer; numbers are written from the decimal's digits
/// without a formatter, and each distinct date is formatted once.
public struct CSVExporter: ReportExporter {
    public static let formatID = "csv"
    public static let summary = "Comma-separated values, one file per table (excel or data dialect)"

    public let configuration: CSVConfiguration

    public init(configuration: CSVConfiguration = .excel) {
        self.configuration = configuration
    }

    public var fileExtension: String { "csv" }
    public var mediaType: String { "text/csv; charset=utf-8" }

    public func render(_ document: ReportDocument, context: ExportContext, into sink: any ExportSink) throws {
        let tables = try tables(of: document)
        let encoder = CSVTableEncoder(configuration: configuration, locale: context.locale)
        switch sink.layout {
        case .oneStream:
            try sink.writePart(document.reportID) { output in
                try write(tables, of: document, encoder: encoder) { try output.write($0) }
            }
        case .separateParts:
            for table in tables {
                try sink.writePart(table.id) { output in
                    try write([table], of: document, encoder: encoder) { try output.write($0) }
                }
            }
        }
    }

    /// The bytes ``export(_:context:to:)`` writes to standard output: the table named by
    /// ``ExportContext/tableID``, or all tables separated by one empty line. For tests and embedding.
    public func render(_ document: ReportDocument, context: ExportContext) throws -> [UInt8] {
        try renderParts(document, context: context, layout: .oneStream)[0].bytes
    }

    /// The bytes of one table's file.
    public func render(_ table: TableBlock, of document: ReportDocument, context: ExportContext) throws -> [UInt8] {
        let encoder = CSVTableEncoder(configuration: configuration, locale: context.locale)
        var result: [UInt8] = []
        try write([table], of: document, encoder: encoder) { result.append(contentsOf: $0) }
        return result
    }

    // MARK: Private

    private func write(_ tables: [TableBlock], of document: ReportDocument, encoder: CSVTableEncoder,
                       sink: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        var buffer = ByteBuffer(capacity: CSVTableEncoder.flushThreshold + 4096)
        func drain(_ bytes: inout ByteBuffer) throws {
            try bytes.withBytes(sink)
            bytes.removeAll()
        }
        if encoder.writesByteOrderMark { buffer.append(CSVTableEncoder.byteOrderMark) }
        for (index, table) in tables.enumerated() {
            if index > 0 { encoder.appendEmptyLine(to: &buffer) }
            try encoder.encode(table, document: document, into: &buffer, drain: drain)
        }
        try drain(&buffer)
    }

    private func tables(of document: ReportDocument) throws -> [TableBlock] {
        let tables = document.tables
        guard !tables.isEmpty else {
            throw ExportError.writerFailed(format: Self.formatID, reason: "report '\(document.reportID)' has no tables")
        }
        return tables
    }
}
