import CTextScan
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input file as UTF-8 text with located, actionable errors for the usual mistakes:
/// a missing file, a folder, an oversized file, UTF-16, invalid UTF-8 or binary content.
public enum SourceText {
    /// Reads a whole file, enforcing ``DatasetLimits/maxFileBytes``. A leading UTF-8 BOM is removed.
    public static func read(_ url: URL, limit: Int = DatasetLimits.maxFileBytes) throws -> String {
        try decode(try readData(url, limit: limit), file: url.path)
    }

    /// Reads a whole regular file of at most `limit` bytes: a FIFO, device, socket or folder
    /// is refused without being opened (reading one would block or never end), an oversized
    /// file without being read.
    public static func readData(_ url: URL, limit: Int) throws -> Data {
        let path = url.path
        try checkRegularFile(path, limit: limit)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DataError.unreadable(path: path, reason: "permission denied")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw DataError.unreadable(path: path, reason: error.localizedDescription)
        }
        if data.count > limit { throw tooLarge(path, limit) }
        return data
    }

    /// ``readData(_:limit:)`` into `buffer`, which is grown when too small and otherwise kept
    /// (bytes past the file's are left as they were): for reading many files into one buffer.
    /// Returns the file's length; the same checks and errors.
    public static func read(_ url: URL, limit: Int, into buffer: inout [UInt8]) throws -> Int {
        let path = url.path
        let size = try checkRegularFile(path, limit: limit)
        // Not blocking, and checked again once open: a FIFO swapped in since the stat() above
        // neither blocks the open nor is read.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            if errno == EACCES { throw DataError.unreadable(path: path, reason: "permission denied") }
            throw DataError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw DataError.unreadable(path: path, reason: "is not a regular file (a pipe, device or socket); give a file")
        }
        // One byte more than the file's size, so that reading to the end needs no second buffer.
        if buffer.count < size + 1 { buffer += repeatElement(0, count: size + 1 - buffer.count) }
        var count = 0
        while true {
            if count == buffer.count { buffer += repeatElement(0, count: min(max(buffer.count, 65_536), limit + 1 - count)) }
            let read = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if read < 0 {
                if errno == EINTR { continue }
                throw DataError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if read == 0 { return count }
            count += read
            if count > limit { throw tooLarge(path, limit) }
        }
    }

    /// Checks that `path` is a regular file of at most `limit` bytes, before it is opened: a
    /// FIFO would block open() forever, and a device such as /dev/zero never ends; an oversized
    /// file fails at once without being read. Returns its size.
    @discardableResult
    private static func checkRegularFile(_ path: String, limit: Int) throws -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw DataError.notFound(path: path) }
            throw DataError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { throw DataError.unreadable(path: path, reason: "is a folder, expected a file") }
        guard kind == S_IFREG else {
            throw DataError.unreadable(path: path, reason: "is not a regular file (a pipe, device or socket); give a file")
        }
        if Int(info.st_size) > limit { throw tooLarge(path, limit) }
        return Int(info.st_size)
    }

    private static func tooLarge(_ path: String, _ limit: Int) -> DataError {
        DataError.invalid([DataProblem(SourceLocation(file: path),
                                       "file is larger than \(limit / 1_048_576) MiB, the limit for this kind of file; split it into several files")])
    }

    /// Decodes bytes as UTF-8, reporting where decoding fails.
    public static func decode(_ data: Data, file: String) throws -> String {
        try withCheckedBytes(data, file: file) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with a file's text as checked UTF-8 bytes (a leading BOM skipped), without
    /// copying them, after the checks of ``decode(_:file:)`` with the same errors.
    public static func withCheckedBytes<T>(_ data: Data, file: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T {
        try data.withUnsafeBytes { raw in try withCheckedBytes(raw.bindMemory(to: UInt8.self), file: file, body) }
    }

    /// ``withCheckedBytes(_:file:_:)`` of bytes in memory.
    public static func withCheckedBytes<T>(_ bytes: UnsafeBufferPointer<UInt8>, file: String,
                                           _ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T {
        try withCheckedBytes(bytes, file: file) { text, _ in try body(text) }
    }

    /// ``withCheckedBytes(_:file:_:)`` that also tells `body` whether the text may hold a
    /// character a text field refuses which the file check lets through: a tab, a bidirectional
    /// control or a noncharacter (see ``TextSafety``). When it is false, a field holds one of
    /// the refused characters only if it holds a line break.
    static func withCheckedBytes<T>(_ bytes: UnsafeBufferPointer<UInt8>, file: String,
                                    _ body: (UnsafeBufferPointer<UInt8>, _ mayHoldRefused: Bool) throws -> T) throws -> T {
        var mayHoldRefused = false
        let start = try check(bytes, file: file, mayHoldRefused: &mayHoldRefused)
        return try body(UnsafeBufferPointer(rebasing: bytes[start...]), mayHoldRefused)
    }

    /// Whether ``check(_:file:mayHoldRefused:)`` skips plain text with the vector kernel
    /// (`false`: the exact byte path reads every byte, the reference the tests compare with).
    @TaskLocal static var usesVectorScan = true

    /// Checks a file's bytes in one pass and returns where its text starts (after a BOM).
    ///
    /// The errors, in order of precedence whatever their places: UTF-16; a NUL byte anywhere;
    /// the first invalid UTF-8; the first control character (C0 but tab, line feed and
    /// carriage return; DEL; C1, `C2 80`–`C2 9F`, which YAML would even take for a line
    /// break); a byte order mark after the start.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> Int {
        var mayHoldRefused = false
        return try check(bytes, file: file, mayHoldRefused: &mayHoldRefused)
    }

    /// ``check(_:file:)``, setting `mayHoldRefused` when the text holds a tab or a scalar
    /// ``TextSafety/isSuspectThreeByteScalar(_:_:_:)`` suspects (bidirectional controls and their
    /// neighbours, noncharacters): what a text field refuses beyond line breaks and the controls
    /// this check refuses in the whole file.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>, file: String, mayHoldRefused: inout Bool) throws -> Int {
        func fail(_ offset: Int, from base: Int = 0, _ message: String) -> DataError {
            let (line, column) = position(of: offset, in: bytes, from: base)
            return DataError.invalid([DataProblem(SourceLocation(file: file, line: line, column: column), message)])
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw DataError.invalid([DataProblem(SourceLocation(file: file, line: 1, column: 1), "file is UTF-16; save it as UTF-8")])
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var control: (offset: Int, value: UInt32)?, byteOrderMark: Int?, invalid: Int?, nul: Int?
        let count = bytes.count
        var index = start
        let base = UnsafeRawPointer(bytes.baseAddress)
        // The bytes the vector scan reads (`nil`: the byte path reads them all), and where it is
        // tried next: after it stops short, sixteen bytes later.
        let vectorBytes = usesVectorScan ? bytes.baseAddress : nil
        var vectorFrom = index
        scan: while index < count {
            // Sixteen bytes at a time of text with nothing to look at (``hamkor_skip_plain_utf8``).
            if let vectorBytes, index >= vectorFrom {
                let skipped = hamkor_skip_plain_utf8(vectorBytes, count, index)
                if skipped > index {
                    index = skipped
                    continue
                }
                vectorFrom = index + 16
            }
            // Eight printable ASCII bytes at a time (tab, line feed and carriage return are not,
            // and take the byte path), or four two-byte scalars past the C1 controls (Cyrillic
            // words), or two of those.
            if let base, index + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if ByteWord.isPrintableASCII(word) || ByteWord.isTwoByteScalars(UInt64(littleEndian: word)) {
                    index += 8
                    continue
                }
                if ByteWord.isTwoByteScalars(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt32.self))) {
                    index += 4
                    continue
                }
            }
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0x09 { mayHoldRefused = true }
                if lead < 0x20 && lead != 0x09 && lead != 0x0A && lead != 0x0D || lead == 0x7F {
                    if lead == 0 { nul = index; break scan }
                    if control == nil { control = (index, UInt32(lead)) }
                }
                index += 1
                continue
            }
            // Two-byte scalars past the C1 controls (Cyrillic, most Latin letters with marks).
            if lead >= 0xC3 && lead <= 0xDF && index + 1 < count && bytes[index + 1] & 0xC0 == 0x80 {
                index += 2
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: invalid = index; break scan
            }
            for offset in 1..<length {
                guard index + offset < count else { invalid = index; break scan }
                let byte = bytes[index + offset]
                guard byte >= (offset == 1 ? low : 0x80) && byte <= (offset == 1 ? high : 0xBF) else { invalid = index; break scan }
            }
            if lead == 0xC2 && bytes[index + 1] <= 0x9F && control == nil { control = (index, UInt32(bytes[index + 1])) }
            if lead == 0xEF && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF && byteOrderMark == nil { byteOrderMark = index }
            if length == 3 && TextSafety.isSuspectThreeByteScalar(lead, bytes[index + 1], bytes[index + 2]) { mayHoldRefused = true }
            index += length
        }
        if let invalid, nul == nil { nul = bytes[invalid...].firstIndex(of: 0) }
        if let nul { throw fail(nul, "file contains a NUL byte: it is binary or UTF-16, not UTF-8 text") }
        if let invalid {
            throw fail(invalid, "invalid UTF-8 (byte 0x\(String(bytes[invalid], radix: 16, uppercase: true).leftPadded(to: 2))); save the file as UTF-8")
        }
        if let control {
            let code = "U+" + String(control.value, radix: 16, uppercase: true).leftPadded(to: 4)
            throw fail(control.offset, "the control character \(code) is not allowed in Hamkor files; remove it")
        }
        // Located in the text, which starts after a leading BOM.
        if let byteOrderMark { throw fail(byteOrderMark, from: start, "byte order mark (U+FEFF) inside the file; remove it") }
        return start
    }

    /// Whether UTF-8 text is empty or only whitespace (`Character.isWhitespace`): ASCII decides
    /// at once, other text is decoded to tell.
    public static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes {
            switch byte {
            case 0x09...0x0D, 0x20: continue
            case 0x80...: return String(decoding: bytes, as: UTF8.self).allSatisfy(\.isWhitespace)
            default: return false
            }
        }
        return true
    }

    /// The 1-based line and column (counted in Unicode scalars) of the UTF-8 byte at `offset`.
    public static func position(ofByte offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in text.utf8.prefix(max(0, offset)) {
            if byte == 0x0A { line += 1; column = 1 } else if (byte & 0xC0) != 0x80 { column += 1 }
        }
        return (line, column)
    }

    /// The 1-based line and column (counted in lead bytes) of the byte at `offset`, counted from `base`.
    private static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, from base: Int) -> (Int, Int) {
        var line = 1, column = 1
        for byte in bytes[base..<min(offset, bytes.count)] {
            if byte == 0x0A { line += 1; column = 1 } else if (byte & 0xC0) != 0x80 { column += 1 }
        }
        return (line, column)
    }
}
