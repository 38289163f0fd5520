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
}
