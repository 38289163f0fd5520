import Foundation
import CXlsxWriter

/// Turns libxlsxwriter result codes into ``XLSXError``s; the one place that reads `lxw_strerror`.
enum LibraryCall {
    /// Throws when `code` is not `LXW_NO_ERROR`.
    static func check(_ code: lxw_error, _ operation: @autoclosure () -> String) throws {
        guard code != LXW_NO_ERROR else { return }
        let message = lxw_strerror(code).map { String(cString: $0) } ?? "unknown error"
        throw XLSXError.library(operation: operation(), code: Int32(bitPattern: code.rawValue), message: message)
    }

    /// The failures of writing the workbook file itself (creating, writing or closing it or a
    /// temporary file libxlsxwriter assembles it in): the file system's, not the workbook's.
    private static let fileErrors: Set<UInt32> = [
        LXW_ERROR_CREATING_XLSX_FILE.rawValue, LXW_ERROR_CREATING_TMPFILE.rawValue, LXW_ERROR_READING_TMPFILE.rawValue,
        LXW_ERROR_ZIP_FILE_OPERATION.rawValue, LXW_ERROR_ZIP_FILE_ADD.rawValue, LXW_ERROR_ZIP_CLOSE.rawValue,
    ]

    /// Throws for a failed call whose own stderr lines were captured (``LibraryMessages``): a
    /// failure to write the file becomes ``XLSXError/cannotWriteFile(reason:)`` with the
    /// system's reason from the library's line (`System error = No space left on device`), so
    /// the message can name the real output; the line itself, which names the temporary file,
    /// is never shown.
    static func check(_ code: lxw_error, _ operation: @autoclosure () -> String, printed lines: [String]) throws {
        guard code != LXW_NO_ERROR else { return }
        guard fileErrors.contains(code.rawValue) else { return try check(code, operation()) }
        let library = lxw_strerror(code).map { String(cString: $0) } ?? "unknown error"
        let system = lines.lazy.compactMap { line -> String? in
            guard let range = line.range(of: "System error = ") else { return nil }
            return String(line[range.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        }.first { !$0.isEmpty }
        throw XLSXError.cannotWriteFile(reason: system.map { "\($0) (libxlsxwriter: \(library))" } ?? "libxlsxwriter: \(library)")
    }
}
