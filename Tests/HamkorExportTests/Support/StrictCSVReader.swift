/// A strict RFC 4180 reader for test assertions: one delimiter, one line ending, quoted fields
/// with doubled quotes; refuses a bare CR or LF that is not the line ending, a quote in an
/// unquoted field and text after a closing quote. An empty line is an empty record (`[]`).
struct StrictCSVReader {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var delimiter: Character
    var lineEnding: String

    func parse(_ text: String) throws -> [[String]] {
        let scalars = Array(text.unicodeScalars)
        let ending = Array(lineEnding.unicodeScalars)
        let delimiter = delimiter.unicodeScalars.first!
        var records: [[String]] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var index = 0
        var fieldStarted = false

        func atLineEnding() -> Bool {
            index + ending.count <= scalars.count && Array(scalars[index..<(index + ending.count)]) == ending
        }
        while index < scalars.count {
            if scalars[index] == "\"" && !fieldStarted {
                index += 1
                while true {
                    guard index < scalars.count else { throw Failure(description: "unterminated quote") }
                    if scalars[index] == "\"" {
                        if index + 1 < scalars.count, scalars[index + 1] == "\"" { field.append("\""); index += 2; continue }
                        index += 1
                        break
                    }
                    field.append(scalars[index]); index += 1
                }
                fieldStarted = true
                guard index == scalars.count || scalars[index] == delimiter || atLineEnding() else {
                    throw Failure(description: "text after a closing quote at scalar \(index)")
                }
                continue
            }
            if scalars[index] == delimiter {
                fields.append(String(field)); field = String.UnicodeScalarView(); fieldStarted = false; index += 1
            } else if atLineEnding() {
                if fieldStarted || !fields.isEmpty { fields.append(String(field)) }
                records.append(fields)
                fields = []; field = String.UnicodeScalarView(); fieldStarted = false; index += ending.count
            } else if scalars[index] == "\r" || scalars[index] == "\n" {
                throw Failure(description: "a bare line break outside quotes at scalar \(index)")
            } else if scalars[index] == "\"" {
                throw Failure(description: "a quote inside an unquoted field at scalar \(index)")
            } else {
                field.append(scalars[index]); fieldStarted = true; index += 1
            }
        }
        if fieldStarted || !fields.isEmpty {
            throw Failure(description: "the last record has no line ending")
        }
        return records
    }
}
