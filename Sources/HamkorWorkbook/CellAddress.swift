/// A cell's place on a sheet: 1-based row and column, written `D17`.
public struct CellAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `D17` (and `$D$17`); `nil` for anything else.
    public init?(_ text: some StringProtocol) {
        var column = 0, row = 0, sawDigit = false
        for byte in text.utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !sawDigit:
                column = column * 26 + Int(byte - 64)
            case UInt8(ascii: "a")...UInt8(ascii: "z") where !sawDigit:
                column = column * 26 + Int(byte - 96)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                row = row * 10 + Int(byte - 48)
            default:
                return nil
            }
            if column > 1_000_000 || row > 100_000_000 { return nil }
        }
        guard column > 0, row > 0 else { return nil }
        self.init(row: row, column: column)
    }

    /// The letters of a 1-based column: `1` → `A`, `27` → `AA`.
    public static func letters(_ column: Int) -> String {
        var index = column - 1
        var letters: [Character] = []
        repeat {
            letters.append(Character(Unicode.Scalar(UInt8(65 + index % 26))))
            index = index / 26 - 1
        } while index >= 0
        return String(letters.reversed())
    }

    /// The 1-based column of letters such as `D` or `aa`; `nil` for anything else.
    public static func column(letters: String) -> Int? {
        guard !letters.isEmpty, letters.utf8.count <= 3 else { return nil }
        var column = 0
        for byte in letters.uppercased().utf8 {
            guard (65...90).contains(byte) else { return nil }
            column = column * 26 + Int(byte - 64)
        }
        return column
    }

    public var description: String { "\(Self.letters(column))\(row)" }

    public static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}

/// A rectangle of cells, such as a merged range `B3:D3`.
public struct CellRange: Hashable, Sendable {
    public var first: CellAddress
    public var last: CellAddress

    public init(first: CellAddress, last: CellAddress) {
        self.first = first
        self.last = last
    }

    /// Parses `B3:D3` (or a single cell).
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let first = CellAddress(parts[0]) else { return nil }
        let last = parts.count == 2 ? CellAddress(parts[1]) : first
        guard let last, last.row >= first.row, last.column >= first.column else { return nil }
        self.init(first: first, last: last)
    }

    public func contains(_ address: CellAddress) -> Bool {
        (first.row...last.row).contains(address.row) && (first.column...last.column).contains(address.column)
    }
}
