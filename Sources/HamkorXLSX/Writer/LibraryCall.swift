import CXlsxWriter

/// Turns libxlsxwriter result codes into ``XLSXError``s; the one place that reads `lxw_strerror`.
enum LibraryCall {
    /// Throws when `code` is not `LXW_NO_ERROR`.
    static func check(_ code: lxw_error, _ operation: @autoclosure () -> String) throws {
        guard code != LXW_NO_ERROR else { return }
        let message = lxw_strerror(code).map { String(cString: $0) } ?? "unknown error"
        throw XLSXError.library(operation: operation(), code: Int32(bitPattern: code.rawValue), message: message)
    }
}
