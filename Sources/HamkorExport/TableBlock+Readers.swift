import HamkorCore

extension TableBlock {
    /// The table without identifier columns: internal record ids help a spreadsheet or a
    /// pipeline, not a reader of a briefing or a printed page (and would be hard-wrapped in
    /// narrow columns). The total row keeps its label when it sat in a dropped column.
    public func droppingIdentifierColumns() -> TableBlock {
        let keep = columns.indices.filter { columns[$0].type != .identifier }
        guard keep.count < columns.count, !keep.isEmpty else { return self }
        var copy = self
        copy.columns = keep.map { columns[$0] }
        copy.rows = rows.selecting(keep)
        if var total {
            let dropped = columns.indices.filter { !keep.contains($0) }
            var cells = keep.map { total.cells[$0] }
            if dropped.contains(where: { total.cells[$0] == .label }), let free = cells.firstIndex(of: .none) { cells[free] = .label }
            total.cells = cells
            copy.total = total
        }
        return copy
    }
}
