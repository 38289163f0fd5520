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
        // stat() before open(): a FIFO would block open() forever, and a device such as
        // /dev/zero never ends; only regular files are read. The size is checked up front
        // so an oversized file fails at once without being read.
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

    private static func tooLarge(_ path: String, _ limit: Int) -> DataError {
        DataError.invalid([DataProblem(SourceLocation(file: path),
                                       "file is larger than \(limit / 1_048_576) MiB, the limit for this kind of file; split it into several files")])
    }

    /// Decodes bytes as UTF-8, reporting where decoding fails.
    public static func decode(_ data: Data, file: String) throws -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw DataError.invalid([DataProblem(SourceLocation(file: file, line: 1, column: 1),
                                                 "file is UTF-16; save it as UTF-8")])
        }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if let nul = bytes[start...].firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: bytes)
            throw DataError.invalid([DataProblem(SourceLocation(file: file, line: line, column: column),
                                                 "file contains a NUL byte: it is binary or UTF-16, not UTF-8 text")])
        }
        let body = bytes[start...]
        guard let text = String(validating: body, as: UTF8.self) else {
            let bad = firstInvalidUTF8(in: Array(body)) + start
            let (line, column) = position(of: bad, in: bytes)
            throw DataError.invalid([DataProblem(SourceLocation(file: file, line: line, column: column),
                                                 "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true).leftPadded(to: 2))); save the file as UTF-8")])
        }
        if let control = firstControl(in: body) {
            let (line, column) = position(of: control.offset, in: bytes)
            let code = "U+" + String(control.value, radix: 16, uppercase: true).leftPadded(to: 4)
            throw DataError.invalid([DataProblem(SourceLocation(file: file, line: line, column: column),
                                                 "the control character \(code) is not allowed in Hamkor files; remove it")])
        }
        // U+FEFF is EF BB BF in UTF-8: searched in the bytes, not the decoded scalars.
        if containsByteOrderMark(body) {
            let offset = text.unicodeScalars.prefix { $0 != "\u{FEFF}" }.count
            let (line, column) = position(ofScalar: offset, in: text)
            throw DataError.invalid([DataProblem(SourceLocation(file: file, line: line, column: column),
                                                 "byte order mark (U+FEFF) inside the file; remove it")])
        }
        return text
    }

    /// The first raw control character other than tab, line feed and carriage return: C0, DEL
    /// and the C1 controls (`C2 80`–`C2 9F`; YAML would even take U+0085 for a line break).
    private static func firstControl(in bytes: ArraySlice<UInt8>) -> (offset: Int, value: UInt32)? {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                let byte = buffer[index]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == 0x7F {
                    return (bytes.startIndex + index, UInt32(byte))
                }
                if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(buffer[index + 1]) {
                    return (bytes.startIndex + index, UInt32(buffer[index + 1]))
                }
                index += 1
            }
            return nil
        }
    }

    private static func containsByteOrderMark(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while index + 2 < count {
                if buffer[index] == 0xEF && buffer[index + 1] == 0xBB && buffer[index + 2] == 0xBF { return true }
                index += 1
            }
            return false
        }
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 scalar.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return index
            }
            for offset in 1..<length {
                guard index + offset < count else { return index }
                let byte = bytes[index + offset]
                let (min, max): (UInt8, UInt8) = offset == 1 ? (low, high) : (0x80, 0xBF)
                guard byte >= min && byte <= max else { return index }
            }
            index += length
        }
        return count
    }

    /// The 1-based line and column (counted in Unicode scalars) of the UTF-8 byte at `offset`.
    public static func position(ofByte offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in text.utf8.prefix(max(0, offset)) {
            if byte == 0x0A { line += 1; column = 1 } else if (byte & 0xC0) != 0x80 { column += 1 }
        }
        return (line, column)
    }

    private static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        for byte in bytes[0..<min(offset, bytes.count)] {
            if byte == 0x0A { line += 1; column = 1 } else if (byte & 0xC0) != 0x80 { column += 1 }
        }
        return (line, column)
    }

    private static func position(ofScalar offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for scalar in text.unicodeScalars.prefix(offset) {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
