/// A strict RFC 4180 reader that remembers where each record starts.
///
/// Accepts `,` or `;` (or any given delimiter), quoted fields with doubled quotes and embedded
/// newlines, and CRLF, LF or CR line ends. Refuses unterminated quotes, text after a closing
/// quote and a quote inside an unquoted field, each with its line and column.
public struct CSVTableReader: Sendable {
    /// One parsed record and the 1-based line it starts on.
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
    }

    /// A syntax error with its position.
    public struct SyntaxError: Error, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    public let delimiter: Character

    public init(delimiter: Character = ",") { self.delimiter = delimiter }

    /// Guesses the delimiter from the header line: whichever of `;` and `,` occurs more (outside quotes).
    public static func detectDelimiter(in text: String) -> Character {
        var commas = 0, semicolons = 0, quoted = false
        // Scalars, not Characters: "\r\n" is one Character, so a Character loop never saw the end
        // of a CRLF header and counted the whole file.
        for character in text.unicodeScalars {
            if character == "\"" { quoted.toggle() }
            else if !quoted && (character == "\n" || character == "\r") { break }
            else if !quoted && character == "," { commas += 1 }
            else if !quoted && character == ";" { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }

    /// Parses all records; blank lines are skipped.
    public func parse(_ text: String) throws(SyntaxError) -> [Record] {
        var records: [Record] = []
        try parse(text) { records.append($0) }
        return records
    }

    /// Parses the records one at a time, handing each to `body` as soon as it ends; blank lines
    /// are skipped. Records before a syntax error have been handed over when the error is thrown.
    ///
    /// Streaming keeps one record's strings alive at a time instead of a whole file's: a reader
    /// that turns records into long-lived values then allocates them next to each other, rather
    /// than between the freed remains of every record (at 1,000,000 projects that left a heap of
    /// holes, and every later allocation paid for searching it; see Benchmarks/README.md).
    ///
    /// Works on the UTF-8 bytes (the delimiter, quote and line ends are ASCII, so no multi-byte
    /// scalar can be mistaken for one); columns in errors count Unicode scalars.
    public func parse(_ text: String, each body: (Record) -> Void) throws(SyntaxError) {
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
            if !(fields.count == 1 && fields[0].isEmpty) { body(Record(line: recordLine, fields: fields)) }
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
                        throw SyntaxError(line: line, column: column, message: "a quote inside an unquoted field; quote the whole field and double the inner quotes")
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
                    throw SyntaxError(line: line, column: column, message: "text after a closing quote; put the delimiter right after the quote")
                }
            }
        }
        if state == .quoted {
            throw SyntaxError(line: quoteLine, column: quoteColumn, message: "unterminated quoted field (the quote opened here is never closed)")
        }
        if state != .fieldStart || !fields.isEmpty || !field.isEmpty { endRecord() }
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
}
