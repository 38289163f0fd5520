/// Why writing a workbook failed.
///
/// Every `lxw_error` that libxlsxwriter returns becomes ``library(operation:code:message:)``
/// with the library's own text from `lxw_strerror`; none is ignored.
public enum XLSXError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A libxlsxwriter call failed.
    case library(operation: String, code: Int32, message: String)
    /// libxlsxwriter could not create a workbook for this path (out of memory or bad options).
    case cannotCreateWorkbook(path: String)
    /// A worksheet, format or chart could not be allocated.
    case allocationFailed(String)
    /// The workbook was used after it had been closed.
    case workbookClosed
    /// The C locale needed to write numbers with a decimal point could not be selected.
    case localeUnavailable(String)
    /// The workbook file could not be written (disk full, file too large, permissions):
    /// the system's reason, for an error that names the output rather than the temporary file.
    case cannotWriteFile(reason: String)
    /// Text holds a character XML 1.0 forbids, which would make the workbook corrupt.
    case textNotXML(what: String, scalar: UInt32)
    /// The finished workbook could not be copied with its charts tagged in the report's language.
    case chartLanguage(String)

    public var description: String {
        switch self {
        case .library(let operation, let code, let message):
            "libxlsxwriter: \(operation) failed: \(message) (error \(code))"
        case .cannotCreateWorkbook(let path):
            "libxlsxwriter could not create a workbook at \(path)"
        case .allocationFailed(let what):
            "libxlsxwriter could not allocate \(what)"
        case .workbookClosed:
            "the workbook was used after it was closed"
        case .localeUnavailable(let reason):
            "cannot select the C locale for writing numbers: \(reason)"
        case .cannotWriteFile(let reason):
            reason
        case .textNotXML(let what, let scalar):
            "\(what) holds \(Self.code(scalar)), a character XML (and so a workbook) cannot hold; nothing was written"
        case .chartLanguage(let reason):
            "cannot tag the charts with the report's language: \(reason)"
        }
    }

    /// `U+0001`: a scalar as Unicode writes it.
    private static func code(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
