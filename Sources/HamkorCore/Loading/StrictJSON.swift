import Yams

/// Reads `.json` files as strict JSON (RFC 8259). The nodes are composed by the YAML parser
/// (JSON is YAML's flow style), which on its own would accept comments, single quotes, bare
/// words and trailing commas, and would refuse the surrogate-pair escapes (`\ud83d\ude00`) that
/// JSON writers such as Python's `json.dumps` produce for characters outside the BMP. So the
/// text is first checked against the JSON grammar, with each problem located at its line and
/// column; surrogate pairs are then rewritten as the YAML escape for the same character
/// (`\U0001F600`), padded with spaces after the closing quote so every later column stays where
/// it was. Strict JSON holds no YAML anchor, alias or tag, and its nesting is checked here.
enum StrictJSON {
    /// The root node of a JSON text, or `nil` when it holds only whitespace.
    ///
    /// - Throws: ``DataError/invalid(_:)`` with the first problem, located.
    static func compose(_ text: String, file: String) throws(DataError) -> Node? {
        var text = text
        text.makeContiguousUTF8()
        let outcome = text.utf8.withContiguousStorageIfAvailable { bytes -> Result<[Rewrite], Failure> in
            var checker = Checker(bytes: bytes)
            do throws(Failure) { try checker.document(); return .success(checker.rewrites) } catch { return .failure(error) }
        } ?? .success([])
        switch outcome {
        case .failure(let failure):
            let (line, column) = SourceText.position(ofByte: failure.offset, in: text)
            throw DataError.invalid([DataProblem(SourceLocation(file: file, line: line, column: column), failure.message)])
        case .success(let rewrites):
            return try YAMLSafetyGuard.composeChecked(rewrites.isEmpty ? text : apply(rewrites, to: text), file: file)
        }
    }

    /// A surrogate pair escape to replace: its byte range, the character, and where its string ends.
    struct Rewrite {
        var range: Range<Int>
        var scalar: Unicode.Scalar
        var closingQuote: Int
    }

    struct Failure: Error {
        var offset: Int
        var message: String
    }

    private static func apply(_ rewrites: [Rewrite], to text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var position = 0
        var padding = 0
        for (number, rewrite) in rewrites.enumerated() {
            output += bytes[position..<rewrite.range.lowerBound]
            let hex = String(rewrite.scalar.value, radix: 16, uppercase: true)
            output += Array("\\U\(hex.leftPadded(to: 8))".utf8)
            position = rewrite.range.upperBound
            padding += rewrite.range.count - 10
            // After the string's last rewrite: its rest, the closing quote, then the padding.
            if number + 1 == rewrites.count || rewrites[number + 1].closingQuote != rewrite.closingQuote {
                output += bytes[position...rewrite.closingQuote]
                position = rewrite.closingQuote + 1
                output += Array(repeating: UInt8(ascii: " "), count: padding)
                padding = 0
            }
        }
        output += bytes[position...]
        return String(decoding: output, as: UTF8.self)
    }

    /// A recursive-descent check of the JSON grammar over UTF-8 bytes.
    private struct Checker {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var depth = 0
        var rewrites: [Rewrite] = []

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        func fail(_ message: String, at offset: Int? = nil) -> Failure {
            Failure(offset: offset ?? index, message: message)
        }

        mutating func document() throws(Failure) {
            skipWhitespace()
            guard current != nil else { return }
            try value()
            skipWhitespace()
            if current != nil { throw unexpected("after the end of the JSON value") }
        }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        /// The error for the byte at `index`, naming the usual non-JSON habits.
        func unexpected(_ context: String) -> Failure {
            guard let byte = current else { return fail("the JSON text ends too early, \(context)") }
            switch byte {
            case UInt8(ascii: "/"), UInt8(ascii: "#"):
                return fail("comments are not allowed in JSON; remove it")
            case UInt8(ascii: "'"):
                return fail("single quotes are not JSON; write strings in double quotes")
            default:
                let shown = byte < 0x20 || byte == 0x7F ? "the control character U+\(String(byte, radix: 16, uppercase: true).leftPadded(to: 4))"
                    : byte < 0x80 ? "'\(Character(Unicode.Scalar(byte)))'" : "a non-ASCII character"
                return fail("unexpected \(shown) \(context)")
            }
        }

        mutating func value() throws(Failure) {
            guard let byte = current else { throw unexpected("where a value was expected") }
            switch byte {
            case UInt8(ascii: "{"): try object()
            case UInt8(ascii: "["): try array()
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            default: throw unexpected("where a value was expected")
            }
        }

        mutating func enter() throws(Failure) {
            depth += 1
            if depth > DatasetLimits.maxNestingDepth {
                throw fail("nested more than \(DatasetLimits.maxNestingDepth) levels deep; Hamkor files need far fewer")
            }
            index += 1
            skipWhitespace()
        }

        mutating func object() throws(Failure) {
            try enter()
            if current == UInt8(ascii: "}") { index += 1; depth -= 1; return }
            while true {
                guard current == UInt8(ascii: "\"") else {
                    throw current == UInt8(ascii: "}") ? fail("trailing comma before '}'; JSON does not allow it", at: lastComma)
                        : current.map { $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "#") } == true
                        ? unexpected("") : fail("object keys must be strings in double quotes")
                }
                try string()
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw unexpected("after an object key; expected ':'") }
                index += 1
                skipWhitespace()
                try value()
                skipWhitespace()
                if current == UInt8(ascii: ",") { lastComma = index; index += 1; skipWhitespace(); continue }
                if current == UInt8(ascii: "}") { index += 1; depth -= 1; return }
                throw unexpected("in an object; expected ',' or '}'")
            }
        }

        var lastComma = 0

        mutating func array() throws(Failure) {
            try enter()
            if current == UInt8(ascii: "]") { index += 1; depth -= 1; return }
            while true {
                if current == UInt8(ascii: "]") { throw fail("trailing comma before ']'; JSON does not allow it", at: lastComma) }
                try value()
                skipWhitespace()
                if current == UInt8(ascii: ",") { lastComma = index; index += 1; skipWhitespace(); continue }
                if current == UInt8(ascii: "]") { index += 1; depth -= 1; return }
                throw unexpected("in an array; expected ',' or ']'")
            }
        }

        mutating func literal(_ word: String) throws(Failure) {
            let start = index
            for expected in word.utf8 {
                guard current == expected else {
                    throw fail("not a JSON value (JSON knows true, false, null, numbers, strings, arrays and objects)", at: start)
                }
                index += 1
            }
        }

        mutating func number() throws(Failure) {
            let start = index
            if current == UInt8(ascii: "-") { index += 1 }
            guard let first = current, isDigit(first) else { throw fail("a number needs a digit after '-'", at: start) }
            index += 1
            if first == UInt8(ascii: "0"), let next = current, isDigit(next) {
                throw fail("JSON numbers do not start with 0 (write 7, not 07)", at: start)
            }
            digits()
            if current == UInt8(ascii: ".") {
                index += 1
                guard let next = current, isDigit(next) else { throw fail("a number needs digits after '.'", at: start) }
                digits()
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard let next = current, isDigit(next) else { throw fail("a number needs digits in its exponent", at: start) }
                digits()
            }
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        mutating func digits() { while let byte = current, isDigit(byte) { index += 1 } }

        mutating func string() throws(Failure) {
            let start = index
            index += 1
            var pending: [Rewrite] = []
            while true {
                guard let byte = current else { throw fail("this string is never closed (a '\"' is missing)", at: start) }
                if byte == UInt8(ascii: "\"") {
                    for var rewrite in pending { rewrite.closingQuote = index; rewrites.append(rewrite) }
                    index += 1
                    return
                }
                if byte < 0x20 {
                    throw fail("the control character U+\(String(byte, radix: 16, uppercase: true).leftPadded(to: 4)) inside a string; JSON writes it as an escape such as \\n or \\t")
                }
                guard byte == UInt8(ascii: "\\") else { index += 1; continue }
                let escape = index
                index += 1
                guard let kind = current else { continue }
                switch kind {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    index += 1
                    let unit = try hex4(escape)
                    if (0xDC00...0xDFFF).contains(unit) {
                        throw fail("\\u\(String(unit, radix: 16)) is the second half of a surrogate pair without its first half", at: escape)
                    }
                    guard (0xD800...0xDBFF).contains(unit) else { break }
                    guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                        throw fail("\\u\(String(unit, radix: 16)) is the first half of a surrogate pair without its second half", at: escape)
                    }
                    index += 2
                    let low = try hex4(escape)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw fail("\\u\(String(unit, radix: 16)) is the first half of a surrogate pair without its second half", at: escape)
                    }
                    let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    pending.append(Rewrite(range: escape..<index, scalar: Unicode.Scalar(value)!, closingQuote: 0))
                default:
                    throw fail("'\\\(Character(Unicode.Scalar(kind)))' is not a JSON escape (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", at: escape)
                }
            }
        }

        mutating func hex4(_ escape: Int) throws(Failure) -> UInt16 {
            var value: UInt16 = 0
            for _ in 0..<4 {
                guard let byte = current, let digit = Self.hexValue(byte) else {
                    throw fail("\\u needs four hexadecimal digits", at: escape)
                }
                value = value << 4 | UInt16(digit)
                index += 1
            }
            return value
        }

        static func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
    }
}
