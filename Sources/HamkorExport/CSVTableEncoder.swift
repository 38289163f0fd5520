import Foundation
import HamkorCore
import HamkorLocalization

/// Encodes tables as CSV bytes for one document, locale and configuration.
///
/// Everything is appended as UTF-8 bytes to a caller's buffer, which the caller drains when it
/// grows past ``flushThreshold``; numbers are written by ``MachineNumber`` and each distinct date
/// is formatted by ICU once.
final class CSVTableEncoder {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// The buffer size at which the encoder hands bytes to its sink.
    static let flushThreshold = 1 << 16

    let configuration: CSVConfiguration
    let locale: ReportLocale
    let delimiter: UInt8
    let decimalMark: UInt8
    let newline: [UInt8]
    private var dateCache: [CivilDate: [UInt8]] = [:]
    /// What the language writes before and after the digits of a percentage (`""`/`"%"`,
    /// `""`/`" %"` in ru, `"%"`/`""` in tr), as in the text and XLSX outputs.
    let percentAffixes: (prefix: [UInt8], suffix: [UInt8])

    init(configuration: CSVConfiguration, locale: ReportLocale) {
        self.configuration = configuration
        self.locale = locale
        let probe = locale.percent(Decimal(string: "0.07")!, fractionDigits: 0)
        if let digit = probe.firstIndex(of: "7") {
            percentAffixes = (Array(probe[..<digit].utf8), Array(probe[probe.index(after: digit)...].utf8))
        } else {
            percentAffixes = ([], Array("%".utf8))
        }
        switch configuration.dialect {
        case .excel:
            let comma = locale.decimalSeparator == ","
            decimalMark = comma ? UInt8(ascii: ",") : UInt8(ascii: ".")
            delimiter = comma ? UInt8(ascii: ";") : UInt8(ascii: ",")
        case .data:
            decimalMark = UInt8(ascii: ".")
            delimiter = UInt8(ascii: ",")
        }
        newline = configuration.effectiveLineEnding.bytes
    }

    var writesByteOrderMark: Bool { configuration.dialect == .excel }

    /// The data dialect's stable id of the column that marks rows built from the bundled sample.
    static let sampleDataColumn = "sample_data"

    /// Encodes a table: header, data rows, the total row, then (excel dialect) its notes.
    ///
    /// A data-dialect table built from sample data ends every record with a `sample_data`
    /// column holding `true`, so a pipeline can tell sample rows from real ones without a
    /// note that would break the rectangle. `drain` is called whenever ``flushThreshold`` bytes
    /// are waiting, and once at the end; it empties the buffer.
    func encode(_ table: TableBlock, document: ReportDocument, into out: inout ByteBuffer,
                drain: (inout ByteBuffer) throws -> Void) throws {
        // The data dialect writes a cross-tab long: one record per row and column value.
        if configuration.dialect == .data, table.pivot != nil {
            return try encode(table.longForm, document: document, into: &out, drain: drain)
        }
        let layout = table.columns.map(ColumnLayout.init)
        let sampleMark: [UInt8]? = configuration.dialect == .data && document.isSampleData ? [delimiter] + Array("true".utf8) : nil

        // Header.
        for (index, column) in table.columns.enumerated() {
            if index > 0 { out.append(delimiter) }
            appendText(header(for: column), to: &out)
            if layout[index].hasCurrencyColumn {
                out.append(delimiter)
                appendText(currencyHeader(for: column), to: &out)
            }
        }
        if sampleMark != nil {
            out.append(delimiter)
            appendText(Self.sampleDataColumn, to: &out)
        }
        out.append(newline)

        // Data rows.
        try layout.withUnsafeBufferPointer { layout in
            try encodeRows(table.rows, layout: layout, sampleMark: sampleMark, into: &out, drain: drain)
        }

        // Total row.
        if let total = table.total {
            for index in 0..<layout.count {
                if index > 0 { out.append(delimiter) }
                let cell = index < total.cells.count ? total.cells[index] : .none
                switch cell {
                case .none: break
                case .label: appendText(total.label, to: &out)
                case .sum(let value), .value(let value): appendCell(value, column: layout[index], to: &out)
                }
                if layout[index].hasCurrencyColumn {
                    out.append(delimiter)
                    if case .sum(.money(let money)) = cell { appendText(money.currency, to: &out) }
                    if case .value(.money(let money)) = cell { appendText(money.currency, to: &out) }
                }
            }
            if let sampleMark { out.append(sampleMark) }
            out.append(newline)
        }

        // Notes, for people only: one record each, the note in the first field and the others
        // empty, so the file stays a rectangle (RFC 4180: every record has the header's fields)
        // that strict readers (Python's csv, pandas, Power Query, csvkit) read to the end.
        if configuration.dialect == .excel {
            var notes = table.notes
            if document.isSampleData { notes.append(document.labels.sampleData) }
            if document.hasIllustrativeFigures { notes.append(document.labels.illustrativeNote) }
            let fieldCount = layout.count + layout.filter(\.hasCurrencyColumn).count
            for note in notes {
                appendText(note, to: &out)
                for _ in 1..<max(1, fieldCount) { out.append(delimiter) }
                out.append(newline)
            }
        }
        try drain(&out)
    }

    /// Encodes data rows into `out`, calling `drain` whenever ``flushThreshold`` bytes wait.
    ///
    /// The rows are read front to back, a chunk of cells at a time (``TableRows``): encoding is
    /// bound by this loop's instructions, not by memory, and measured no faster on two cores
    /// (see Benchmarks/README.md), so it runs on the caller's thread.
    private func encodeRows(_ rows: TableRows, layout: UnsafeBufferPointer<ColumnLayout>,
                            sampleMark: [UInt8]?, into out: inout ByteBuffer,
                            drain: (inout ByteBuffer) throws -> Void) rethrows {
        let width = rows.width
        let columns = min(width, layout.count)
        try rows.forEachChunk { cells, chunk, firstRow in
            for row in chunk {
                let first = (row - firstRow) * width
                for index in 0..<layout.count {
                    if index > 0 { out.append(delimiter) }
                    if index < columns {
                        appendCell(cells[first + index], column: layout[index], to: &out)
                        if layout[index].hasCurrencyColumn {
                            out.append(delimiter)
                            if case .money(let money) = cells[first + index] { appendText(money.currency, to: &out) }
                        }
                    } else if layout[index].hasCurrencyColumn {
                        out.append(delimiter)
                    }
                }
                if let sampleMark { out.append(sampleMark) }
                out.append(newline)
                if out.count >= Self.flushThreshold { try drain(&out) }
            }
        }
    }

    /// Appends the record separator (between tables written to one stream).
    func appendEmptyLine(to out: inout ByteBuffer) { out.append(newline) }

    // MARK: Headers

    private func header(for column: TableColumn) -> String {
        switch configuration.dialect {
        case .data:
            return column.id
        case .excel:
            if case .money(let currency?) = column.type, !column.header.contains(currency) {
                return "\(column.header) (\(currency))"
            }
            return column.header
        }
    }

    private func currencyHeader(for column: TableColumn) -> String {
        switch configuration.dialect {
        case .data: "\(column.id)_currency"
        case .excel: "\(column.header) (ISO 4217)"
        }
    }

    // MARK: Cells

    /// What the encoder needs to know about a column.
    struct ColumnLayout {
        var percentDigits: Int?
        /// Money in several currencies: the codes go in an extra column right after the amounts.
        var hasCurrencyColumn: Bool

        init(_ column: TableColumn) {
            if case .percent(let digits) = column.type { percentDigits = digits } else { percentDigits = nil }
            if case .money(nil) = column.type { hasCurrencyColumn = true } else { hasCurrencyColumn = false }
        }
    }

    @inline(__always)
    private func appendCell(_ cell: CellValue, column: ColumnLayout, to out: inout ByteBuffer) {
        let quoteNumber = configuration.forceQuote
        switch cell {
        case .empty:
            break
        case .text(let text):
            appendText(text, to: &out)
        case .coded(let code, let label):
            appendText(configuration.dialect == .data ? code : label, to: &out)
        case .integer(let value), .year(let value):
            if quoteNumber { out.append(0x22) }
            MachineNumber.append(value, to: &out)
            if quoteNumber { out.append(0x22) }
        case .decimal(let value, let digits):
            if quoteNumber { out.append(0x22) }
            MachineNumber.append(value, fractionDigits: max(0, digits), decimalMark: decimalMark, to: &out)
            if quoteNumber { out.append(0x22) }
        case .money(let money):
            if quoteNumber { out.append(0x22) }
            MachineNumber.append(money.amount, fractionDigits: nil, decimalMark: decimalMark, to: &out)
            if quoteNumber { out.append(0x22) }
        case .percent(let fraction):
            if quoteNumber { out.append(0x22) }
            switch configuration.dialect {
            case .excel:
                out.append(percentAffixes.prefix)
                MachineNumber.append(fraction, shift: 2, fractionDigits: column.percentDigits,
                                     decimalMark: decimalMark, to: &out)
                out.append(percentAffixes.suffix)
            case .data:
                MachineNumber.append(fraction, fractionDigits: column.percentDigits.map { $0 + 2 },
                                     decimalMark: decimalMark, to: &out)
            }
            if quoteNumber { out.append(0x22) }
        case .date(let date):
            switch configuration.dialect {
            case .data:
                if quoteNumber { out.append(0x22) }
                appendISODate(date, to: &out)
                if quoteNumber { out.append(0x22) }
            case .excel:
                if let bytes = dateCache[date] {
                    out.append(bytes)
                } else {
                    var field = ByteBuffer(capacity: 64)
                    appendText(locale.date(date, .table), to: &field)
                    let bytes = field.withBytes { Array($0) }
                    dateCache[date] = bytes
                    out.append(bytes)
                }
            }
        }
    }

    private func appendISODate(_ date: CivilDate, to out: inout ByteBuffer) {
        out.reserve(10)
        func two(_ value: Int) {
            out.appendReserved(UInt8(ascii: "0") + UInt8(value / 10))
            out.appendReserved(UInt8(ascii: "0") + UInt8(value % 10))
        }
        two(date.year / 100)
        two(date.year % 100)
        out.appendReserved(UInt8(ascii: "-"))
        two(date.month)
        out.appendReserved(UInt8(ascii: "-"))
        two(date.day)
    }

    /// Appends a text field: formula triggers neutralised, quoted when it holds the delimiter, a
    /// quote, CR or LF (or always, with `forceQuote`), inner quotes doubled (RFC 4180).
    @inline(__always)
    func appendText(_ text: String, to out: inout ByteBuffer) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendField($0, to: &out) }
        if done == nil {
            var copy = text
            copy.withUTF8 { appendField($0, to: &out) }
        }
    }

    /// Appends one field's UTF-8 bytes, neutralised and quoted as ``appendText(_:to:)`` says.
    private func appendField(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) {
        guard let first = bytes.first else { return }
        // At most: opening quote, `'`, every byte doubled, closing quote.
        out.reserve(2 * bytes.count + 3)
        let neutralise = FormulaNeutralizer.isTrigger(firstByte: first)
        let (needsQuotes, hasQuote) = CSVQuoteScan.scan(bytes, delimiter: delimiter)
        let quote = needsQuotes || configuration.forceQuote
        if quote { out.appendReserved(0x22) }
        if neutralise { out.appendReserved(UInt8(ascii: "'")) }
        if hasQuote {
            for byte in bytes {
                if byte == 0x22 { out.appendReserved(0x22) }
                out.appendReserved(byte)
            }
        } else {
            out.appendReserved(bytes)
        }
        if quote { out.appendReserved(0x22) }
    }
}
