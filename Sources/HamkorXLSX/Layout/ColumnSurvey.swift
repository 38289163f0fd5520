import Foundation
import HamkorCore
import HamkorExport

/// What one column's cells say about its layout: the widest text, the number of largest
/// magnitude, whether any is negative, and whether all money is whole.
///
/// Every column of a table is surveyed in one pass over its rows (`surveys(of:maximumWidth:)`),
/// in the order the rows are stored: a pass per column read a million-row table seven times over.
struct ColumnSurvey {
    /// The widest display text seen, from the header on; text stops being measured at the maximum.
    var widest: Int
    /// The number of largest magnitude (compared as doubles, kept exact) and whether any is negative.
    var largest = Decimal(0)
    var largestMagnitude = 0.0
    var negative = false
    /// Money: whether every amount seen is whole, and the first currency seen.
    var allIntegral = true
    var firstCurrency: String?

    private let measuresText: Bool
    private let measuresNumbers: Bool
    private let maximumWidth: Int

    init(type: ColumnType, widest: Int, maximumWidth: Double) {
        self.widest = widest
        self.maximumWidth = Int(maximumWidth.rounded(.up))
        switch type {
        case .text, .identifier, .country, .code: (measuresText, measuresNumbers) = (true, false)
        case .integer, .decimal, .money, .percent: (measuresText, measuresNumbers) = (false, true)
        case .date, .year: (measuresText, measuresNumbers) = (false, false)
        }
    }

    /// Takes one cell of the column into account.
    @inline(__always)
    mutating func consider(_ cell: CellValue) {
        if measuresText {
            guard widest < maximumWidth else { return }
            switch cell {
            case .text(let text), .coded(_, let text):
                // UTF-8 length bounds the display width from above: most cells skip measuring.
                if text.utf8.count > widest { widest = max(widest, DisplayWidth.widestLine(text)) }
            default:
                break
            }
        } else if measuresNumbers {
            if case .money(let money) = cell {
                if firstCurrency == nil { firstCurrency = money.currency }
                if allIntegral { allIntegral = ValueKind.isIntegral(money.amount) }
            }
            if let number = cell.numericValue { consider(number) }
        }
    }

    /// Takes a number (a cell's, or the total row's) into account.
    mutating func consider(_ number: Decimal) {
        let magnitude = abs(DecimalConversion.double(number))
        if number.isSignMinus && !number.isZero { negative = true }
        if magnitude > largestMagnitude {
            largestMagnitude = magnitude
            largest = number.isSignMinus ? -number : number
        }
    }

    /// Surveys of every column of `table`, starting from the widths of their headers.
    static func surveys(of table: TableBlock, maximumWidth: Double) -> [ColumnSurvey] {
        var surveys = table.columns.map { column in
            ColumnSurvey(type: column.type,
                         widest: max(DisplayWidth.longestWord(column.header), min(DisplayWidth.widestLine(column.header), 12)),
                         maximumWidth: maximumWidth)
        }
        let width = table.rows.width
        let count = min(surveys.count, width)
        table.rows.forEachChunk { cells, rows, firstRow in
            for row in rows {
                let first = (row - firstRow) * width
                for index in 0..<count { surveys[index].consider(cells[first + index]) }
            }
        }
        return surveys
    }
}
