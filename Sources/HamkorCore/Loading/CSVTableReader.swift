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
        var fields: [String] = []
        var field = ""
        var line = 1, column = 0
        var recordLine = 1
        var state = State.fieldStart
        var quoteLine = 0, quoteColumn = 0
        var iterator = text.makeIterator()
        var pending: Character?

        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }

        while let character = pending ?? iterator.next() {
            pending = nil
            column += 1
            switch state {
            case .fieldStart, .unquoted:
                if character == "\"" {
                    guard state == .fieldStart else {
                        throw SyntaxError(line: line, column: column, message: "a quote inside an unquoted field; quote the whole field and double the inner quotes")
                    }
                    state = .quoted; quoteLine = line; quoteColumn = column
                } else if character == delimiter {
                    fields.append(field); field = ""; state = .fieldStart
                } else if character == "\n" || character == "\r" || character == "\r\n" {
                    endRecord(); line += 1; column = 0; recordLine = line; state = .fieldStart
                } else {
                    field.append(character); state = .unquoted
                }
            case .quoted:
                if character == "\"" {
                    state = .quoteInQuoted
                } else {
                    field.append(character)
                    if character == "\n" || character == "\r" || character == "\r\n" { line += 1; column = 0 }
                }
            case .quoteInQuoted:
                if character == "\"" {
                    field.append("\""); state = .quoted
                } else if character == delimiter {
                    fields.append(field); field = ""; state = .fieldStart
                } else if character == "\n" || character == "\r" || character == "\r\n" {
                    endRecord(); line += 1; column = 0; recordLine = line; state = .fieldStart
                } else {
                    throw SyntaxError(line: line, column: column, message: "text after a closing quote; put the delimiter right after the quote")
                }
            }
        }
        if state == .quoted {
            throw SyntaxError(line: quoteLine, column: quoteColumn, message: "unterminated quoted field (the quote opened here is never closed)")
        }
        if state != .fieldStart || !fields.isEmpty || !field.isEmpty { endRecord() }
        return records
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
}
