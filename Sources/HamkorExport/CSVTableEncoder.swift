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

    init(configuration: CSVConfiguration, locale: ReportLocale) {
        self.configuration = configuration
        self.locale = locale
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
    /// note that would break the rectangle.
    func encode(_ table: TableBlock, document: ReportDocument, into out: inout [UInt8],
                drain: (inout [UInt8]) throws -> Void) throws {
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
        out.append(contentsOf: newline)

        // Data rows.
        for row in table.rows {
            for index in 0..<layout.count {
                if index > 0 { out.append(delimiter) }
                let cell = index < row.count ? row[index] : .empty
                appendCell(cell, column: layout[index], to: &out)
                if layout[index].hasCurrencyColumn {
                    out.append(delimiter)
                    if case .money(let money) = cell { appendText(money.currency, to: &out) }
                }
            }
            if let sampleMark { out.append(contentsOf: sampleMark) }
            out.append(contentsOf: newline)
            if out.count >= Self.flushThreshold { try drain(&out) }
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
            if let sampleMark { out.append(contentsOf: sampleMark) }
            out.append(contentsOf: newline)
        }

        // Notes, for people only: after one empty line, one single-field record each.
        if configuration.dialect == .excel {
            var notes = table.notes
            if document.isSampleData { notes.append(document.labels.sampleData) }
            if document.hasIllustrativeFigures { notes.append(document.labels.illustrativeNote) }
            if !notes.isEmpty {
                out.append(contentsOf: newline)
                for note in notes {
                    appendText(note, to: &out)
                    out.append(contentsOf: newline)
                }
            }
        }
        try drain(&out)
    }

    /// Appends the record separator (between tables written to one stream).
    func appendEmptyLine(to out: inout [UInt8]) { out.append(contentsOf: newline) }

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

    private func appendCell(_ cell: CellValue, column: ColumnLayout, to out: inout [UInt8]) {
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
                    out.append(contentsOf: bytes)
                } else {
                    var bytes: [UInt8] = []
                    appendText(locale.date(date, .short), to: &bytes)
                    dateCache[date] = bytes
                    out.append(contentsOf: bytes)
                }
            }
        }
    }

    private func appendISODate(_ date: CivilDate, to out: inout [UInt8]) {
        @inline(__always) func two(_ value: Int) {
            out.append(UInt8(ascii: "0") + UInt8(value / 10))
            out.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        two(date.year / 100)
        two(date.year % 100)
        out.append(UInt8(ascii: "-"))
        two(date.month)
        out.append(UInt8(ascii: "-"))
        two(date.day)
    }

    /// Appends a text field: formula triggers neutralised, quoted when it holds the delimiter, a
    /// quote, CR or LF (or always, with `forceQuote`), inner quotes doubled (RFC 4180).
    func appendText(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard let first = bytes.first else { return }
            let neutralise = FormulaNeutralizer.isTrigger(firstByte: first)
            var quote = configuration.forceQuote
            var hasQuote = false
            if !quote {
                for byte in bytes where byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                    quote = true
                    break
                }
            }
            if quote {
                for byte in bytes where byte == 0x22 {
                    hasQuote = true
                    break
                }
                out.append(0x22)
            }
            if neutralise { out.append(UInt8(ascii: "'")) }
            if hasQuote {
                for byte in bytes {
                    if byte == 0x22 { out.append(0x22) }
                    out.append(byte)
                }
            } else {
                out.append(contentsOf: bytes)
            }
            if quote { out.append(0x22) }
        }
    }
}
