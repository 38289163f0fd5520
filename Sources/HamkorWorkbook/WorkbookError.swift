/// Why a workbook, or one of its parts, could not be read. Messages name the part or cell and say
/// what to do; they never quote more than a short prefix of the offending content.
public struct WorkbookError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The cell the error is about (`Лист1!D17`), when there is one.
    public var cell: String?
    public var message: String

    public init(cell: String? = nil, _ message: String) {
        self.cell = cell
        self.message = message
    }

    public var description: String { cell.map { "\($0): \(message)" } ?? message }

    static func notWorkbook(_ detail: String) -> WorkbookError {
        WorkbookError("is not an Excel workbook (.xlsx): \(detail); save it from Excel or LibreOffice as .xlsx")
    }
}
