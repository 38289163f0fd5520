import Foundation

/// A parsed gettext PO (or POT) file: its header fields and its messages.
///
/// The parser reads the subset of PO that translators' tools write: comments, `msgctxt`,
/// `msgid`, `msgid_plural`, `msgstr` and `msgstr[N]`, multi-line strings and C escapes.
/// It needs no system locale and several catalogs live side by side in one process.
public struct POCatalog: Sendable {
    /// Header fields from the `msgid ""` entry (`Language`, `Plural-Forms`, ...).
    public var header: [String: String]
    /// Messages in file order, the header excluded.
    public var entries: [POEntry]
    /// Where the catalog was read from, for diagnostics.
    public var file: String
    /// The 1-based line each header field is written on (`Plural-Forms` → 11).
    public var headerLines: [String: Int]

    private var index: [MessageKey: Int]

    public init(header: [String: String] = [:], entries: [POEntry], file: String = "<memory>", headerLines: [String: Int] = [:]) {
        self.header = header
        self.entries = entries
        self.file = file
        self.headerLines = headerLines
        var index: [MessageKey: Int] = [:]
        for (position, entry) in entries.enumerated() { index[entry.key] = position }
        self.index = index
    }

    /// The entry for a key, if the catalog has one.
    public func entry(for key: MessageKey) -> POEntry? {
        index[key].map { entries[$0] }
    }

    /// `nplurals` from the `Plural-Forms` header, if present.
    public var pluralCount: Int? {
        guard let forms = header["Plural-Forms"],
              let range = forms.range(of: "nplurals=") else { return nil }
        return Int(forms[range.upperBound...].prefix { $0.isNumber })
    }

    /// The largest catalog read (bytes): 8 MiB, twenty times the bundled ones.
    public static let maxFileBytes = 8 * 1024 * 1024

    /// Reads and parses a PO file: a regular file (a FIFO or device is never opened) of at
    /// most ``maxFileBytes``.
    public static func load(contentsOf url: URL) throws -> POCatalog {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else {
                throw LocalizationError.unreadableCatalog(file: url.path, reason: "is not a regular file; give a file")
            }
            if let size = attributes[.size] as? Int, size > maxFileBytes {
                throw LocalizationError.malformedCatalog(file: url.path, line: 1,
                                                         reason: "catalog is larger than \(maxFileBytes / 1_048_576) MiB, the limit for a catalog")
            }
            data = try Data(contentsOf: url)
        } catch let error as LocalizationError {
            throw error
        } catch {
            throw LocalizationError.unreadableCatalog(file: url.path, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LocalizationError.malformedCatalog(file: url.path, line: 1, reason: "catalog is not valid UTF-8")
        }
        return try parse(text, file: url.path)
    }

    /// Parses PO text; `file` names the source in error messages.
    public static func parse(_ text: String, file: String = "<memory>") throws -> POCatalog {
        var parser = POParser(file: file)
        return try parser.parse(text)
    }
}

/// A line-oriented PO reader.
private struct POParser {
    let file: String
    var entries: [POEntry] = []
    var header: [String: String] = [:]
    var headerLines: [String: Int] = [:]
    /// The header's `msgstr` pieces with their lines, while the header entry is read.
    var headerPieces: [(line: Int, text: String)] = []
    var seen: Set<MessageKey> = []

    // The entry being assembled.
    var comments: [String] = []
    var flags: Set<String> = []
    var context: String?
    var msgid: String?
    var msgidPlural: String?
    var msgstr: [Int: String] = [:]
    var msgstrLines: [Int: Int] = [:]
    var startLine = 0
    enum Field { case context, msgid, msgidPlural, msgstr(Int) }
    var current: Field?

    init(file: String) { self.file = file }

    mutating func parse(_ text: String) throws -> POCatalog {
        var lineNumber = 0
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        // Lines end at LF bytes: splitting by Character never split CRLF ("\r\n" is one
        // Character), so a catalog saved with Windows line ends read as one line.
        for rawLine in body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Self.trimmed(Substring(rawLine))
            if line.isEmpty { try finish(at: lineNumber); continue }
            if line.hasPrefix("#") {
                if msgstr.count > 0 { try finish(at: lineNumber) }
                if line.hasPrefix("#~") { continue }  // obsolete entries are ignored
                if startLine == 0 { startLine = lineNumber }
                if line.hasPrefix("#.") { comments.append(String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces)) }
                else if line.hasPrefix("#,") {
                    for flag in line.dropFirst(2).split(separator: ",") { flags.insert(flag.trimmingCharacters(in: .whitespaces)) }
                }
                continue
            }
            if line.hasPrefix("\"") {
                guard let field = current else { throw error(lineNumber, "string continuation without a keyword") }
                let piece = try unquote(line, lineNumber)
                if case .msgstr(0) = field, msgid == "", context == nil { headerPieces.append((lineNumber, piece)) }
                append(piece, to: field)
                continue
            }
            let keywordBytes = line.utf8.prefix { !Self.isSpace($0) }
            let keyword = String(Substring(keywordBytes))
            let rest = Self.trimmed(Substring(line.utf8[keywordBytes.endIndex...]))
            let value = try unquote(rest, lineNumber)
            if startLine == 0 { startLine = lineNumber }
            switch keyword {
            case "msgctxt":
                if msgid != nil { try finish(at: lineNumber); startLine = lineNumber }
                context = value; current = .context
            case "msgid":
                if msgid != nil { try finish(at: lineNumber); startLine = lineNumber }
                msgid = value; current = .msgid
            case "msgid_plural":
                guard msgid != nil else { throw error(lineNumber, "msgid_plural before msgid") }
                msgidPlural = value; current = .msgidPlural
            case "msgstr":
                guard msgid != nil else { throw error(lineNumber, "msgstr before msgid") }
                msgstr[0] = value; msgstrLines[0] = lineNumber; current = .msgstr(0)
                if msgid == "", context == nil { headerPieces = [(lineNumber, value)] }
            default:
                if keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"),
                   let n = Int(keyword.dropFirst(7).dropLast()), n >= 0, n < 10 {
                    guard msgid != nil else { throw error(lineNumber, "msgstr before msgid") }
                    msgstr[n] = value; msgstrLines[n] = lineNumber; current = .msgstr(n)
                } else {
                    throw error(lineNumber, "unknown keyword '\(keyword)'")
                }
            }
        }
        try finish(at: lineNumber + 1)
        return POCatalog(header: header, entries: entries, file: file, headerLines: headerLines)
    }

    mutating func append(_ text: String, to field: Field) {
        switch field {
        case .context: context = (context ?? "") + text
        case .msgid: msgid = (msgid ?? "") + text
        case .msgidPlural: msgidPlural = (msgidPlural ?? "") + text
        case .msgstr(let n): msgstr[n] = (msgstr[n] ?? "") + text
        }
    }

    mutating func finish(at line: Int) throws {
        defer {
            comments = []; flags = []; context = nil; msgid = nil; msgidPlural = nil
            msgstr = [:]; msgstrLines = [:]; current = nil; startLine = 0
        }
        guard let id = msgid else {
            if context != nil { throw error(startLine, "msgctxt without msgid") }
            return
        }
        guard !msgstr.isEmpty else { throw error(startLine, "msgid \"\(id)\" has no msgstr") }
        let forms = msgstr.keys.sorted()
        guard forms == Array(0..<forms.count) else { throw error(startLine, "msgstr indices are not contiguous from 0") }
        if msgidPlural == nil && forms.count > 1 { throw error(startLine, "msgstr[N] without msgid_plural") }
        if id.isEmpty && context == nil {
            for headerLine in (msgstr[0] ?? "").split(separator: "\n") {
                guard let colon = headerLine.firstIndex(of: ":") else { continue }
                let name = String(headerLine[..<colon])
                header[name] = headerLine[headerLine.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                headerLines[name] = headerPieces.first { $0.text.hasPrefix(name + ":") }?.line ?? startLine
            }
            headerPieces = []
            return
        }
        let entry = POEntry(context: context, msgid: id, msgidPlural: msgidPlural, msgstr: forms.map { msgstr[$0]! },
                            translatorComments: comments, flags: flags, line: startLine,
                            msgstrLines: forms.map { msgstrLines[$0] ?? startLine })
        guard seen.insert(entry.key).inserted else { throw error(startLine, "duplicate message \(entry.key)") }
        entries.append(entry)
    }

    /// `text` without leading and trailing whitespace (spaces, tabs, a CR from CRLF line ends).
    ///
    /// Catalogs are read at every start: Foundation's `trimmingCharacters(in:)` built a character
    /// set and an `NSString` per line, half the CPU time of a one-report run (113 → 59 ms).
    static func trimmed(_ text: Substring) -> String {
        // ASCII whitespace is cut on bytes; a non-ASCII byte next to it (which might belong to
        // Unicode whitespace, or to a mark that joins a space into one Character) takes the
        // Character path below.
        let bytes = text.utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end && isSpace(bytes[start]) { start = bytes.index(after: start) }
        while end > start && isSpace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        if start == end { return "" }
        if bytes[start] < 0x80 && bytes[bytes.index(before: end)] < 0x80 {
            return String(Substring(bytes[start..<end]))
        }
        return trimmedCharacters(text)
    }

    /// ASCII whitespace: space, tab, LF, VT, FF, CR.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    private static func trimmedCharacters(_ text: Substring) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }

    func unquote(_ token: String, _ line: Int) throws -> String {
        let bytes = token.utf8
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\"") else {
            throw error(line, "expected a quoted string")
        }
        let inner = Substring(bytes.dropFirst().dropLast())
        if let bad = Self.firstUnsafeScalar(in: inner) { throw error(line, Self.unsafeMessage(bad)) }
        // Most strings have no escapes: taken whole unless they hold a backslash or a quote.
        if !inner.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") }) {
            return String(inner)
        }
        var result = ""
        var escaping = false
        for character in inner {
            if escaping {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                case "\"": result.append("\"")
                case "\\": result.append("\\")
                default: throw error(line, "unknown escape '\\\(character)'")
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "\"" {
                throw error(line, "unescaped quote inside a string")
            } else {
                result.append(character)
            }
        }
        if escaping { throw error(line, "string ends with a backslash") }
        if let bad = result.unicodeScalars.first(where: { $0 == "\r" }) { throw error(line, Self.unsafeMessage(bad)) }
        return result
    }

    /// The first character of catalog text that no report may hold: a control character other
    /// than tab (XML 1.0 forbids most of C0, so a workbook holding one is corrupt, and the rest
    /// garble text and PDF output) or the noncharacters U+FFFE and U+FFFF, which XML forbids too.
    /// Line feeds come only from the `\n` escape, so a raw one cannot occur; `\r` is checked
    /// after unescaping.
    static func firstUnsafeScalar(in text: Substring) -> Unicode.Scalar? {
        ControlScan.first(in: text) { scalar in
            let value = scalar.value
            return (value < 0x20 && value != 0x09) || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
        }
    }

    static func unsafeMessage(_ scalar: Unicode.Scalar) -> String {
        let code = String(scalar.value, radix: 16, uppercase: true)
        let name = "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code
        let kind = scalar.value >= 0xFFFE ? "the noncharacter" : "the control character"
        return "the string contains \(kind) \(name), which XML (and so a workbook) and reports cannot hold; remove it"
    }

    func error(_ line: Int, _ reason: String) -> LocalizationError {
        .malformedCatalog(file: file, line: line, reason: reason)
    }
}
