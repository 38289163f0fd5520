import HamkorCore

extension ReportDocument {
    /// The document with one table: the other tables go, and so do the charts not drawn from
    /// the kept table, and the headings whose whole section went with them. Key figures,
    /// running text, lists and notes stay. This is what `--table` means for every format.
    ///
    /// Throws ``ExportError/unknownTable(_:known:)`` listing the report's tables.
    public func selectingTable(_ id: String) throws -> ReportDocument {
        guard tables.contains(where: { $0.id == id }) else {
            throw ExportError.unknownTable(id, known: tables.map(\.id))
        }
        var kept: [ReportBlock] = []
        var pendingHeading: ReportBlock?  // waits until a block of its section is kept
        var removedInSection = false
        func closeSection() {
            // A heading whose whole section was removed goes too; one over an empty section stays.
            if let heading = pendingHeading, !removedInSection { kept.append(heading) }
            pendingHeading = nil
            removedInSection = false
        }
        for block in blocks {
            switch block {
            case .heading:
                closeSection()
                pendingHeading = block
            case .table(let table) where table.id != id:
                removedInSection = true
            case .chart(let chart) where chart.source?.tableID != id:
                removedInSection = true
            case .keyFigures, .table, .chart, .paragraph, .bulletList, .notes:
                if let heading = pendingHeading { kept.append(heading) }
                pendingHeading = nil
                kept.append(block)
            }
        }
        closeSection()
        var copy = self
        copy.blocks = kept
        return copy
    }
}
