/// A1-style cell and range references for formulas, ranges and messages.
enum CellReference {
    /// The column letters of a zero-based column (`0` → `A`, `26` → `AA`).
    static func column(_ index: Int) -> String {
        var index = index
        var letters: [Character] = []
        repeat {
            letters.append(Character(Unicode.Scalar(UInt8(65 + index % 26))))
            index = index / 26 - 1
        } while index >= 0
        return String(letters.reversed())
    }

    /// `C4` for zero-based row 3, column 2.
    static func cell(row: Int, column: Int) -> String {
        "\(Self.column(column))\(row + 1)"
    }

    /// `C4:C20`.
    static func range(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) -> String {
        "\(cell(row: firstRow, column: firstColumn)):\(cell(row: lastRow, column: lastColumn))"
    }

    /// A sheet name as a formula needs it: `'По отраслям'` (quotes doubled inside).
    static func quotedSheet(_ name: String) -> String {
        "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
