import Foundation

/// Reads an input file as UTF-8 text with located, actionable errors for the usual mistakes:
/// a missing file, a folder, an oversized file, UTF-16, invalid UTF-8 or binary content.
public enum SourceText {
    /// Reads a whole file, enforcing ``DatasetLimits/maxFileBytes``. A leading UTF-8 BOM is removed.
    public static func read(_ url: URL, limit: Int = DatasetLimits.maxFileBytes) throws -> String {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataError.notFound(path: path)
        }
        if isDirectory.boolValue { throw DataError.unreadable(path: path, reason: "is a folder, expected a file") }
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
        if data.count > limit {
            throw DataError.invalid([DataProblem(SourceLocation(file: path),
                                                 "file is larger than \(limit / 1_048_576) MiB, the limit for one data file; split it into several files")])
        }
        return try decode(data, file: path)
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
                                                 "invalid UTF-8 at byte \(bad); save the file as UTF-8")])
        }
        // unicodeScalars: Foundation's `contains` on a String searches with locale folding (slow on large files).
        if text.unicodeScalars.contains("\u{FEFF}") {
            let offset = text.unicodeScalars.prefix { $0 != "\u{FEFF}" }.count
            let (line, column) = position(ofScalar: offset, in: text)
            throw DataError.invalid([DataProblem(SourceLocation(file: file, line: line, column: column),
                                                 "byte order mark (U+FEFF) inside the file; remove it")])
        }
        return text
    }

    private static func firstInvalidUTF8(in bytes: [UInt8]) -> Int {
        var low = 0, high = bytes.count
        // The longest valid prefix, by bisection over String(validating:).
        while low < high {
            let mid = (low + high + 1) / 2
            if String(validating: bytes[0..<mid], as: UTF8.self) != nil || isCutInsideScalar(bytes, mid) { low = mid } else { high = mid - 1 }
        }
        return low
    }

    private static func isCutInsideScalar(_ bytes: [UInt8], _ end: Int) -> Bool {
        // A prefix that only fails because it ends inside a multi-byte scalar is still valid so far.
        var back = end
        while back > 0 && back > end - 4 && (bytes[back - 1] & 0xC0) == 0x80 { back -= 1 }
        guard back > 0 else { return false }
        let lead = bytes[back - 1]
        let need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return need > end - back + 1 && String(validating: bytes[0..<(back - 1)], as: UTF8.self) != nil
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
