@testable import HamkorCore

/// The byte-at-a-time CSV reader `CSVTableReader` replaced, kept as the reference the faster
/// reader must agree with on every input (records, lines, errors and their columns).
struct ReferenceCSVReader {
    let delimiter: Character

    func parse(_ text: String, each body: (CSVTableReader.Record) -> Void) throws(CSVTableReader.SyntaxError) {
        let delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var fields: [String] = []
        fields.reserveCapacity(16)
        var field: [UInt8] = []
        var line = 1, column = 0
        var recordLine = 1
        var state = State.fieldStart
        var quoteLine = 0, quoteColumn = 0
        var previousWasCR = false

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { body(CSVTableReader.Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        /// A CR or LF outside quotes ends the record (a CR's LF is skipped with the next byte).
        func endLine(_ byte: UInt8) {
            previousWasCR = byte == cr
            endRecord(); line += 1; column = 0; recordLine = line; state = .fieldStart
        }

        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            // A CR followed by LF is one line end.
            if previousWasCR {
                previousWasCR = false
                if byte == lf {
                    if state == .quoted { field.append(byte) }
                    continue
                }
            }
            if byte & 0xC0 != 0x80 { column += 1 }  // count scalars, not continuation bytes
            switch state {
            case .fieldStart, .unquoted:
                if byte == quote {
                    guard state == .fieldStart else {
                        throw CSVTableReader.SyntaxError(line: line, column: column, message: "a quote inside an unquoted field; quote the whole field and double the inner quotes")
                    }
                    state = .quoted; quoteLine = line; quoteColumn = column
                } else if byte == delimiter {
                    endField(); state = .fieldStart
                } else if byte == lf || byte == cr {
                    endLine(byte)
                } else {
                    field.append(byte); state = .unquoted
                }
            case .quoted:
                if byte == quote {
                    state = .quoteInQuoted
                } else {
                    field.append(byte)
                    if byte == lf || byte == cr { previousWasCR = byte == cr; line += 1; column = 0 }
                }
            case .quoteInQuoted:
                if byte == quote {
                    field.append(quote); state = .quoted
                } else if byte == delimiter {
                    endField(); state = .fieldStart
                } else if byte == lf || byte == cr {
                    endLine(byte)
                } else {
                    throw CSVTableReader.SyntaxError(line: line, column: column, message: "text after a closing quote; put the delimiter right after the quote")
                }
            }
        }
        if state == .quoted {
            throw CSVTableReader.SyntaxError(line: quoteLine, column: quoteColumn, message: "unterminated quoted field (the quote opened here is never closed)")
        }
        if state != .fieldStart || !fields.isEmpty || !field.isEmpty { endRecord() }
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
}
