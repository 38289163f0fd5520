/// One cell's value as the workbook stores it. Numbers keep the digits Excel wrote, so amounts
/// can be read exactly; whether a number is a date comes from the cell's number format.
public enum SheetValue: Hashable, Sendable {
    /// Text: a shared string, an inline string or a formula's text result.
    case text(String)
    /// A number as written in the file (`1234.5`, `1E+21`); `isDate` when its format shows a date.
    case number(String, isDate: Bool)
    case bool(Bool)
    /// An error value such as `#DIV/0!`.
    case error(String)
}

/// A non-empty cell: where it is, what it holds, and whether a formula computed it (then the
/// value is the result Excel cached when the file was saved; the formula is never evaluated).
public struct SheetCell: Hashable, Sendable {
    public var address: CellAddress
    public var value: SheetValue
    public var isFormula: Bool

    public init(address: CellAddress, value: SheetValue, isFormula: Bool = false) {
        self.address = address
        self.value = value
        self.isFormula = isFormula
    }
}

/// One row of a sheet with its non-empty cells, in column order.
public struct SheetRow: Sendable {
    /// The 1-based row number.
    public var number: Int
    public var isHidden: Bool
    public var cells: [SheetCell]

    public init(number: Int, isHidden: Bool = false, cells: [SheetCell]) {
        self.number = number
        self.isHidden = isHidden
        self.cells = cells
    }

    /// The cell in a 1-based column, if it holds something.
    public func cell(_ column: Int) -> SheetCell? {
        cells.first { $0.address.column == column }
    }
}
