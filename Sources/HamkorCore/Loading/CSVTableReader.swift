import CTextScan

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
        var text = text
        return text.withUTF8 { detectDelimiter(in: $0) }
    }

    /// ``detectDelimiter(in:)`` on UTF-8 bytes (the characters it looks for are ASCII, so no
    /// byte of a multi-byte scalar is taken for one; `\r\n` ends the header like `\n`).
    static func detectDelimiter(in bytes: UnsafeBufferPointer<UInt8>) -> Character {
        var commas = 0, semicolons = 0, quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            else if !quoted && (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")) { break }
            else if !quoted && byte == UInt8(ascii: ",") { commas += 1 }
            else if !quoted && byte == UInt8(ascii: ";") { semicolons += 1 }
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
    /// Works on the UTF-8 bytes in place (the delimiter, quote and line ends are ASCII, so no
    /// multi-byte scalar can be mistaken for one): a field is copied once, straight from the
    /// text into its `String`. Columns in errors count Unicode scalars from the line's start.
    public func parse(_ text: String, each body: (Record) -> Void) throws(SyntaxError) {
        try parseBytes(text) { record in
            body(Record(line: record.line, fields: record.fields.map { String(decoding: $0, as: UTF8.self) }))
        }
    }

    /// Parses the records one at a time as their fields' UTF-8 bytes (see ``CSVRecordBytes``),
    /// for a reader that fills columns without a `String` per field; otherwise as
    /// ``parse(_:each:)``.
    func parseBytes(_ text: String, each body: (CSVRecordBytes) -> Void) throws(SyntaxError) {
        var failure: SyntaxError?
        func run(_ bytes: UnsafeBufferPointer<UInt8>) {
            do throws(SyntaxError) {
                try parse(bytes, each: body)
            } catch {
                failure = error
            }
        }
        // A native string lends its bytes; any other is copied once (never skipped).
        if text.utf8.withContiguousStorageIfAvailable(run) == nil {
            Array(text.utf8).withUnsafeBufferPointer(run)
        }
        if let failure { throw failure }
    }

    /// ``parseBytes(_:each:)`` on a text's UTF-8 bytes, without a `String` of the whole text.
    func parseBytes(_ bytes: UnsafeBufferPointer<UInt8>, each body: (CSVRecordBytes) -> Void) throws(SyntaxError) {
        try parse(bytes, each: body)
    }

    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, each body: (CSVRecordBytes) -> Void) throws(SyntaxError) {
        let delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let count = bytes.count
        // Each field of the record being read: a range of `bytes`, or of `unescaped` for a
        // quoted field with doubled quotes.
        var spans: [(range: Range<Int>, unescaped: Bool)] = []
        spans.reserveCapacity(16)
        var fields: [UnsafeBufferPointer<UInt8>] = []
        fields.reserveCapacity(16)
        var unescaped: [UInt8] = []  // the record's quoted fields with doubled quotes, unescaped
        var index = 0, line = 1, lineStart = 0

        /// The 1-based column of the byte at `offset`: scalars from the line's start (`start`,
        /// by default the current line's) up to it. Counted only for a message.
        func column(at offset: Int, lineStart start: Int? = nil) -> Int {
            var column = 0
            for position in (start ?? lineStart)...offset where bytes[position] & 0xC0 != 0x80 { column += 1 }
            return column
        }
        while index < count {
            let recordLine = line
            var breaksLines = false
            spans.removeAll(keepingCapacity: true)
            unescaped.removeAll(keepingCapacity: true)
            while true {
                if index < count && bytes[index] == quote {
                    let quoteLine = line, quoteOffset = index, quoteLineStart = lineStart
                    index += 1
                    var segment = index
                    var escaped = false
                    var escapedStart = 0
                    while true {
                        guard index < count else {
                            throw SyntaxError(line: quoteLine, column: column(at: quoteOffset, lineStart: quoteLineStart),
                                              message: "unterminated quoted field (the quote opened here is never closed)")
                        }
                        index = Self.skip(bytes, from: index, notMatching: quote, lf, cr, cr)
                        guard index < count else { continue }
                        let byte = bytes[index]
                        if byte == quote {
                            if index + 1 < count && bytes[index + 1] == quote {
                                if !escaped { escapedStart = unescaped.count; escaped = true }
                                unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment...index]))
                                index += 2
                                segment = index
                                continue
                            }
                            break
                        }
                        if byte == lf || byte == cr {
                            breaksLines = true
                            line += 1
                            if byte == cr && index + 1 < count && bytes[index + 1] == lf { index += 1 }
                            lineStart = index + 1
                        }
                        index += 1
                    }
                    if escaped {
                        unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment..<index]))
                        spans.append((escapedStart..<unescaped.count, true))
                    } else {
                        spans.append((segment..<index, false))
                    }
                    index += 1  // the closing quote
                    if index < count, bytes[index] != delimiter, bytes[index] != lf, bytes[index] != cr {
                        throw SyntaxError(line: line, column: column(at: index),
                                          message: "text after a closing quote; put the delimiter right after the quote")
                    }
                } else {
                    let start = index
                    while index < count {
                        index = Self.skip(bytes, from: index, notMatching: delimiter, lf, cr, quote)
                        guard index < count else { break }
                        let byte = bytes[index]
                        if byte == delimiter || byte == lf || byte == cr { break }
                        if byte == quote {
                            throw SyntaxError(line: line, column: column(at: index),
                                              message: "a quote inside an unquoted field; quote the whole field and double the inner quotes")
                        }
                        index += 1
                    }
                    spans.append((start..<index, false))
                }
                // The field ends at a delimiter, a line end or the end of the text.
                guard index < count else { break }
                let byte = bytes[index]
                index += 1
                if byte == delimiter { continue }
                if byte == cr && index < count && bytes[index] == lf { index += 1 }
                line += 1
                lineStart = index
                break
            }
            if spans.count == 1 && spans[0].range.isEmpty { continue }
            unescaped.withUnsafeBufferPointer { unescaped in
                fields.removeAll(keepingCapacity: true)
                for span in spans {
                    fields.append(UnsafeBufferPointer(rebasing: (span.unescaped ? unescaped : bytes)[span.range]))
                }
                body(CSVRecordBytes(line: recordLine, fields: fields, breaksLines: breaksLines))
            }
        }
    }


    /// The first index from `start` whose byte is one of `a`, `b`, `c` or `d`, or `bytes.count`:
    /// sixteen bytes at a time (``hamkor_find_any4``).
    @inline(__always)
    private static func skip(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, notMatching a: UInt8, _ b: UInt8, _ c: UInt8,
                             _ d: UInt8) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count else { return bytes.count }
        return hamkor_find_any4(base, bytes.count, start, a, b, c, d)
    }
}
