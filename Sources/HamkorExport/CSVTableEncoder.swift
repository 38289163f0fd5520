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
    /// Tables with at least this many rows are encoded on several cores.
    static let parallelRowThreshold = 4_096
    /// Rows per chunk of a table encoded on several cores, at most (smaller tables are split
    /// evenly between the workers).
    static let chunkRows = 8_192

    let configuration: CSVConfiguration
    let locale: ReportLocale
    let delimiter: UInt8
    let decimalMark: UInt8
    let newline: [UInt8]
    /// Threads that encode a large table (the machine's active cores by default).
    let workers: Int
    private var dateCache: [CivilDate: [UInt8]] = [:]

    init(configuration: CSVConfiguration, locale: ReportLocale,
         workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.configuration = configuration
        self.locale = locale
        self.workers = max(1, workers)
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
        let width = table.rows.width
        try table.rows.withUnsafeCells { cells in
            try layout.withUnsafeBufferPointer { layout in
                let rows = RowRange(cells: cells, width: width, rows: 0..<table.rows.count)
                if rows.rows.count >= Self.parallelRowThreshold && workers > 1 {
                    try encodeRowsInParallel(rows, layout: layout, sampleMark: sampleMark, into: &out, drain: drain)
                } else {
                    try encodeRows(rows, layout: layout, sampleMark: sampleMark, into: &out, drain: drain)
                }
            }
        }

        // Total row.
        if let total = table.total {
            for index in 0..<layout.count {
                if index > 0 { out.append(delimiter) }
                let cell = index < total.cells.count ? total.cells[index] : .none
                switch cell {
                case .none: break
                case .label: appendText(total.label, to: &out)
                case .sum(let value): appendCell(value, column: layout[index], to: &out)
                }
                if layout[index].hasCurrencyColumn {
                    out.append(delimiter)
                    if case .sum(.money(let money)) = cell { appendText(money.currency, to: &out) }
                }
            }
            if let sampleMark { out.append(sampleMark) }
            out.append(newline)
        }

        // Notes, for people only: after one empty line, one single-field record each.
        if configuration.dialect == .excel {
            var notes = table.notes
            if document.isSampleData { notes.append(document.labels.sampleData) }
            if document.hasIllustrativeFigures { notes.append(document.labels.illustrativeNote) }
            if !notes.isEmpty {
                out.append(newline)
                for note in notes {
                    appendText(note, to: &out)
                    out.append(newline)
                }
            }
        }
        try drain(&out)
    }

    /// Rows `rows` of a table's row-major cell buffer.
    private struct RowRange: @unchecked Sendable {
        let cells: UnsafeBufferPointer<CellValue>
        let width: Int
        let rows: Range<Int>
    }

    /// Encodes data rows into `out`, calling `drain` whenever ``flushThreshold`` bytes wait.
    private func encodeRows(_ range: RowRange, layout: UnsafeBufferPointer<ColumnLayout>,
                            sampleMark: [UInt8]?, into out: inout ByteBuffer,
                            drain: (inout ByteBuffer) throws -> Void) rethrows {
        let width = range.width
        let columns = min(width, layout.count)
        for row in range.rows {
            let cells = UnsafeBufferPointer(rebasing: range.cells[(row * width)..<(row * width + width)])
            for index in 0..<layout.count {
                if index > 0 { out.append(delimiter) }
                if index < columns {
                    // Text cells are matched here, so that only their string is retained
                    // (a whole `CellValue` copy goes through an outlined copy and destroy).
                    switch cells[index] {
                    case .text(let text): appendText(text, to: &out)
                    case .coded(let code, let label): appendText(configuration.dialect == .data ? code : label, to: &out)
                    default: appendCell(cells[index], column: layout[index], to: &out)
                    }
                    if layout[index].hasCurrencyColumn {
                        out.append(delimiter)
                        if case .money(let money) = cells[index] { appendText(money.currency, to: &out) }
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

    /// Encodes data rows on several cores: chunks of up to ``chunkRows`` rows, one wave of
    /// ``workers`` chunks at a time, each slot's chunk by its own encoder into its own buffer; the
    /// buffers are then drained in row order, so the bytes are exactly the serial ones.
    ///
    /// Reading a large document is bound by memory latency, which two cores wait out in parallel.
    private func encodeRowsInParallel(_ range: RowRange, layout: UnsafeBufferPointer<ColumnLayout>,
                                      sampleMark: [UInt8]?, into out: inout ByteBuffer,
                                      drain: (inout ByteBuffer) throws -> Void) throws {
        try drain(&out)  // what precedes the rows goes first
        let rowCount = range.rows.count
        let chunkRows = min(Self.chunkRows, (rowCount + workers - 1) / workers)
        let chunkCount = (rowCount + chunkRows - 1) / chunkRows
        let buffers = UnsafeMutablePointer<ByteBuffer>.allocate(capacity: workers)
        for slot in 0..<workers { (buffers + slot).initialize(to: ByteBuffer(capacity: chunkRows * 128)) }
        defer {
            buffers.deinitialize(count: workers)
            buffers.deallocate()
        }
        // One encoder per slot, kept across waves (its date cache too).
        let encoders = (0..<workers).map { _ in CSVTableEncoder(configuration: configuration, locale: locale, workers: 1) }
        // Each worker reads the shared rows and uses only its own slot's encoder and buffer.
        let shared = WaveBuffers(range: range, layout: layout, encoders: encoders, buffers: buffers)
        var next = 0
        while next < chunkCount {
            let wave = min(workers, chunkCount - next)
            let first = next
            DispatchQueue.concurrentPerform(iterations: wave) { slot in
                let start = shared.range.rows.lowerBound + (first + slot) * chunkRows
                let chunk = RowRange(cells: shared.range.cells, width: shared.range.width,
                                     rows: start..<min(shared.range.rows.upperBound, start + chunkRows))
                shared.encoders[slot].encodeRows(chunk, layout: shared.layout, sampleMark: sampleMark,
                                                 into: &shared.buffers[slot]) { _ in }
            }
            for slot in 0..<wave { try drain(&buffers[slot]) }
            next += wave
        }
    }

    /// What a wave of workers shares: rows and layout read-only, one encoder and buffer per slot.
    private struct WaveBuffers: @unchecked Sendable {
        let range: RowRange
        let layout: UnsafeBufferPointer<ColumnLayout>
        let encoders: [CSVTableEncoder]
        let buffers: UnsafeMutablePointer<ByteBuffer>
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
                MachineNumber.append(fraction, shift: 2, fractionDigits: column.percentDigits,
                                     decimalMark: decimalMark, to: &out)
                out.append(UInt8(ascii: "%"))
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
                    appendText(locale.date(date, .short), to: &field)
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
        var quote = configuration.forceQuote
        var hasQuote = false
        let delimiter = delimiter
        // Every byte that needs quoting is `"` (0x22), LF, CR or the delimiter; most bytes are
        // above 0x22 and cost one comparison with the delimiter.
        for byte in bytes where byte <= 0x22 || byte == delimiter {
            if byte == 0x22 {
                hasQuote = true
                quote = true
                break
            }
            if byte == 0x0A || byte == 0x0D || byte == delimiter { quote = true }
        }
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
