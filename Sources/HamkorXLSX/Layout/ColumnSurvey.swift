import Foundation
import Synchronization
import HamkorCore
import HamkorExport

/// What one column's cells say about its layout: the widest text, the number of largest
/// magnitude, whether any is negative, and whether all money is whole.
///
/// Every column of a table is surveyed in one pass over its rows (`surveys(of:maximumWidth:)`),
/// in the order the rows are stored: a pass per column read a million-row table seven times over.
struct ColumnSurvey: Equatable {
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

    /// Takes in a survey of the rows after the ones this survey has seen: the same survey as
    /// one pass over both (text stops being measured at the maximum, so a survey that reached
    /// it keeps its width).
    mutating func merge(_ later: ColumnSurvey) {
        if widest < maximumWidth { widest = max(widest, later.widest) }
        if later.largestMagnitude > largestMagnitude {
            largestMagnitude = later.largestMagnitude
            largest = later.largest
        }
        negative = negative || later.negative
        allIntegral = allIntegral && later.allIntegral
        if firstCurrency == nil { firstCurrency = later.firstCurrency }
    }

    /// Surveys of every column of `table`, starting from the widths of their headers.
    ///
    /// A large table is surveyed in parts (`parts`; by default one per processor for a table of
    /// more than a few chunks), each with its cells made on its own threads, then merged in row order.
    static func surveys(of table: TableBlock, maximumWidth: Double, parts: Int? = nil) -> [ColumnSurvey] {
        let start = table.columns.map { column in
            ColumnSurvey(type: column.type,
                         widest: max(DisplayWidth.longestWord(column.header), min(DisplayWidth.widestLine(column.header), 12)),
                         maximumWidth: maximumWidth)
        }
        let width = table.rows.width
        let count = min(start.count, width)
        @Sendable func survey(_ range: Range<Int>) -> [ColumnSurvey] {
            var surveys = start
            table.rows.forEachChunk(of: range) { cells, rows, firstRow in
                for row in rows {
                    let first = (row - firstRow) * width
                    for index in 0..<count { surveys[index].consider(cells[first + index]) }
                }
            }
            return surveys
        }
        let rows = table.rows.count
        let parts = min(parts ?? min(ProcessInfo.processInfo.activeProcessorCount, rows / (4 * TableRows.chunkRows)), rows)
        guard parts > 1 else { return survey(0..<rows) }
        let bounds = (0...parts).map { $0 * rows / parts }
        let found = Mutex([[ColumnSurvey]](repeating: [], count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let surveys = survey(bounds[part]..<bounds[part + 1])
            found.withLock { $0[part] = surveys }
        }
        return found.withLock { parts in
            parts.dropFirst().reduce(into: parts[0]) { merged, later in
                for index in merged.indices { merged[index].merge(later[index]) }
            }
        }
    }
}
