import Dispatch
import Foundation
import Synchronization

/// A table's data rows: ``width`` cells per row, either stored row-major in one buffer or
/// computed on demand by a ``TableCellSource``.
///
/// Exporters stream a large table through ``forEachChunk(of:_:)``: a stored table hands over its
/// one buffer, a computed one fills a buffer of a few thousand rows at a time, so a
/// million-row record list never exists as cells all at once. A row is a ``TableRow``.
public struct TableRows: RandomAccessCollection, Sendable, Equatable {
    /// Cells per row.
    public let width: Int
    /// Number of rows (kept apart from the buffer so that a table without columns still has rows).
    public let count: Int
    private let storage: Storage

    private enum Storage: Sendable {
        case stored(ContiguousArray<CellValue>)
        case computed(any TableCellSource)
    }

    /// Rows a computed table hands to ``forEachChunk(of:_:)`` at a time.
    public static let chunkRows = 4096

    /// Rows of cells; a row shorter than `width` is padded with ``CellValue/empty``.
    /// `width` defaults to the longest row's length.
    public init<Rows: Sequence>(_ rows: Rows, width: Int? = nil) where Rows.Element: Collection, Rows.Element.Element == CellValue {
        let rows = Array(rows)
        let width = width ?? rows.map(\.count).max() ?? 0
        var cells = ContiguousArray<CellValue>()
        cells.reserveCapacity(width * rows.count)
        for row in rows {
            precondition(row.count <= width, "a table row has \(row.count) cells, more than its \(width) columns")
            cells.append(contentsOf: row)
            for _ in row.count..<width { cells.append(.empty) }
        }
        self.init(width: width, count: rows.count, storage: .stored(cells))
    }

    /// Rows from a buffer that already holds `count` rows of `width` cells each.
    public init(width: Int, cells: ContiguousArray<CellValue>) {
        precondition(width > 0 ? cells.count % width == 0 : cells.isEmpty, "\(cells.count) cells do not make rows of \(width)")
        self.init(width: width, count: width > 0 ? cells.count / width : 0, storage: .stored(cells))
    }

    /// `count` rows of `width` cells each, made by `source` whenever they are read.
    public init(width: Int, count: Int, source: any TableCellSource) {
        self.init(width: width, count: count, storage: .computed(source))
    }

    private init(width: Int, count: Int, storage: Storage) {
        self.width = width
        self.count = count
        self.storage = storage
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(row: Int) -> TableRow {
        precondition(row >= 0 && row < count, "row \(row) is outside the table's \(count) rows")
        switch storage {
        case .stored(let cells):
            return TableRow(cells: cells, start: row * width, count: width)
        case .computed(let source):
            var cells = ContiguousArray<CellValue>()
            cells.reserveCapacity(width)
            source.appendCells(ofRow: row, to: &cells)
            return TableRow(cells: cells, start: 0, count: width)
        }
    }

    /// Calls `body` with consecutive runs of the rows in `range` (all rows by default), first to
    /// last: row `r` of `rows` has its cells at `cells[(r - first) * width ..< (r - first + 1) * width]`.
    ///
    /// A stored table is one call with its whole buffer (`first` is 0); a computed one is a call
    /// per ``chunkRows`` rows (`first` is the chunk's first row), the chunks after the first made
    /// on other threads, up to one per processor ahead, while `body` reads the one before. Reading an element of an array the caller
    /// holds costs no reference counting, where a copy out of an unsafe pointer retains its strings.
    public func forEachChunk(of range: Range<Int>? = nil,
                             _ body: (_ cells: ContiguousArray<CellValue>, _ rows: Range<Int>, _ first: Int) throws -> Void) rethrows {
        let range = (range ?? 0..<count).clamped(to: 0..<count)
        switch storage {
        case .stored(let cells):
            try body(cells, range, 0)
        case .computed(let source):
            let chunks = stride(from: range.lowerBound, to: range.upperBound, by: Self.chunkRows).map { start in
                start..<Swift.min(range.upperBound, start + Self.chunkRows)
            }
            guard let first = chunks.first else { return }
            // The chunks after the first are made on other threads, up to one per processor
            // ahead of the one `body` reads (reading a sorted table's columns is mostly waiting
            // for memory, so one thread could not keep up).
            let ahead = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)
            let made = Mutex([Int: ContiguousArray<CellValue>]())
            let groups = chunks.map { _ in DispatchGroup() }
            var scheduled = 1
            defer { for index in 1..<scheduled { groups[index].wait() } }  // also when `body` throws
            var cells = Self.cells(of: first, from: source)
            for (index, chunk) in chunks.enumerated() {
                if index > 0 {
                    groups[index].wait()
                    cells = made.withLock { $0.removeValue(forKey: index)! }
                }
                while scheduled < Swift.min(chunks.count, index + 1 + ahead) {
                    let next = scheduled, rows = chunks[next]
                    DispatchQueue.global().async(group: groups[next]) {
                        let cells = Self.cells(of: rows, from: source)
                        made.withLock { $0[next] = cells }
                    }
                    scheduled += 1
                }
                try body(cells, chunk, chunk.lowerBound)
            }
        }
    }

    /// The cells of `rows`, made by `source`.
    private static func cells(of rows: Range<Int>, from source: any TableCellSource) -> ContiguousArray<CellValue> {
        var cells = ContiguousArray<CellValue>()
        cells.reserveCapacity(source.width * rows.count)
        source.appendCells(ofRows: rows, to: &cells)
        return cells
    }

    /// Every cell, row after row: row `r` is `cells[r * width ..< (r + 1) * width]`. A computed
    /// table makes them all; exporters read large tables through ``forEachChunk(of:_:)`` instead.
    public var cells: ContiguousArray<CellValue> {
        if case .stored(let cells) = storage { return cells }
        var all = ContiguousArray<CellValue>()
        all.reserveCapacity(width * count)
        forEachChunk { cells, _, _ in all.append(contentsOf: cells) }
        return all
    }

    /// The rows with only `columns` (indices of this table's columns), in that order: a computed
    /// table stays computed.
    public func selecting(_ columns: [Int]) -> TableRows {
        switch storage {
        case .stored:
            return TableRows(map { row in columns.map { row[$0] } }, width: columns.count)
        case .computed(let source):
            return TableRows(width: columns.count, count: count, source: SelectedColumns(base: source, columns: columns))
        }
    }

    /// Calls `body` with each row's cell in `column`, top to bottom, until it returns `false`.
    public func forEachCell(inColumn column: Int, _ body: (CellValue) throws -> Bool) rethrows {
        guard column >= 0 && column < width else { return }
        switch storage {
        case .stored(let cells):
            var index = column
            while index < cells.count {
                guard try body(cells[index]) else { return }
                index += width
            }
        case .computed(let source):
            for row in 0..<count {
                guard try body(source.cell(row: row, column: column)) else { return }
            }
        }
    }

    public static func == (lhs: TableRows, rhs: TableRows) -> Bool {
        guard lhs.width == rhs.width && lhs.count == rhs.count else { return false }
        if case .stored(let a) = lhs.storage, case .stored(let b) = rhs.storage { return a == b }
        return lhs.cells == rhs.cells
    }
}

extension TableRows: CustomReflectable {
    /// The shape and the cells, the same for a stored and a computed table of the same cells.
    public var customMirror: Mirror {
        Mirror(self, children: ["width": width, "count": count, "cells": cells], displayStyle: .struct)
    }
}
