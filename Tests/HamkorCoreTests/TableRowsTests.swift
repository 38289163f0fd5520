import Foundation
import Testing
@testable import HamkorCore

/// The row-major table storage: rows, padding, column walks, and the record-list packing.
@Suite struct TableRowsTests {
    let rows = TableRows([[CellValue.text("a"), .integer(1), .year(2024)], [.text("b"), .integer(2)]], width: 3)

    @Test func rowsAreViewsIndexedFromZero() {
        #expect(rows.count == 2)
        #expect(rows.width == 3)
        #expect(Array(rows[0]) == [.text("a"), .integer(1), .year(2024)])
        #expect(rows[1][0] == .text("b"))
        #expect(rows[1].indices == 0..<3)
        #expect(rows.map(\.count) == [3, 3])
    }

    @Test func shortRowsArePaddedWithEmptyCells() {
        #expect(rows[1][2] == .empty)
        #expect(TableRows([[CellValue.integer(1)], [.integer(2), .integer(3)]]).width == 2)
    }

    @Test func cellsAreRowMajor() {
        let flat = Array(rows.cells)
        #expect(flat == [.text("a"), .integer(1), .year(2024), .text("b"), .integer(2), .empty])
    }

    @Test func columnWalkGoesTopToBottomAndStopsWhenAsked() {
        var seen: [CellValue] = []
        rows.forEachCell(inColumn: 1) { seen.append($0); return true }
        #expect(seen == [.integer(1), .integer(2)])
        var first: [CellValue] = []
        rows.forEachCell(inColumn: 0) { first.append($0); return false }
        #expect(first == [.text("a")])
        var none = 0
        rows.forEachCell(inColumn: 3) { _ in none += 1; return true }
        #expect(none == 0)
    }

    @Test func aTableWithoutColumnsKeepsItsRowCount() {
        let empty = TableRows([[CellValue](), []], width: 0)
        #expect(empty.count == 2)
        #expect(empty[1].isEmpty)
    }

    @Test func equalityComparesCellsAndShape() {
        #expect(rows == TableRows([[CellValue.text("a"), .integer(1), .year(2024)], [.text("b"), .integer(2), .empty]]))
        #expect(rows != TableRows([[CellValue.text("a"), .integer(1), .year(2024)]], width: 3))
        #expect(TableRows(width: 2, cells: [.integer(1), .integer(2)]) != TableRows(width: 1, cells: [.integer(1), .integer(2)]))
    }

    @Test func packingCopiesTextAndKeepsEveryOtherCell() {
        let name = String(repeating: "Qoʻshma korxona ", count: 4)
        let copy = TableComputer.packed(.text(name))
        #expect(copy == .text(name))
        // Its own allocation, not the loader's string.
        guard case .text(let copied) = copy else { Issue.record("not text"); return }
        let original = name.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
        #expect(original != nil)
        #expect(copied.utf8.withContiguousStorageIfAvailable { $0.baseAddress } != original)
        let coded = CellValue.coded(code: "energy", label: "Energetika sohasi")
        #expect(TableComputer.packed(coded) == coded)
        #expect(TableComputer.packed(.integer(7)) == .integer(7))
    }

    /// A computed table: row `r`'s cells are `r`, its text, and `r * 10` as money.
    struct Counting: TableCellSource {
        let width = 3
        func cell(row: Int, column: Int) -> CellValue {
            switch column {
            case 0: .integer(row)
            case 1: .text("row \(row)")
            default: .money(Money(amount: Decimal(row * 10), currency: "USD"))
            }
        }
    }

    @Test func aComputedTableReadsAsTheStoredTableOfTheSameCells() {
        let count = TableRows.chunkRows * 2 + 123
        let computed = TableRows(width: 3, count: count, source: Counting())
        let stored = TableRows((0..<count).map { row in (0..<3).map { Counting().cell(row: row, column: $0) } }, width: 3)
        #expect(computed == stored)
        #expect(String(reflecting: computed) == String(reflecting: stored))
        #expect(Array(computed[count - 1]) == [.integer(count - 1), .text("row \(count - 1)"), .money(Money(amount: Decimal((count - 1) * 10), currency: "USD"))])

        // Chunks cover the rows in order, each row's cells where the chunk says.
        var seen: [Int] = []
        computed.forEachChunk { cells, rows, first in
            #expect(cells.count >= rows.count * 3)
            for row in rows { if case .integer(let value) = cells[(row - first) * 3] { seen.append(value) } }
        }
        #expect(seen == Array(0..<count))
        var part: [Int] = []
        computed.forEachChunk(of: (TableRows.chunkRows - 5)..<(TableRows.chunkRows + 5)) { cells, rows, first in
            for row in rows { if case .integer(let value) = cells[(row - first) * 3] { part.append(value) } }
        }
        #expect(part == Array((TableRows.chunkRows - 5)..<(TableRows.chunkRows + 5)))

        var texts = 0
        computed.forEachCell(inColumn: 1) { cell in texts += cell == .text("row \(texts)") ? 1 : 0; return texts < 10 }
        #expect(texts == 10)
    }

    @Test func anErrorInAChunkStopsTheWalk() {
        struct Stop: Error {}
        let computed = TableRows(width: 3, count: TableRows.chunkRows * 3, source: Counting())
        var chunks = 0
        #expect(throws: Stop.self) {
            try computed.forEachChunk { _, _, _ in
                chunks += 1
                if chunks == 2 { throw Stop() }
            }
        }
        #expect(chunks == 2)
    }
}
