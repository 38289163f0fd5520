import HamkorCore

/// Lays a table out as aligned plain text no wider than a given display width.
///
/// Numbers (and years) are right-aligned, everything else left-aligned; columns are two
/// spaces apart; a line of `-` separates the header and, when present, the total row. When the
/// natural layout is too wide, headers and text columns are narrowed and wrapped inside their
/// column at line-break opportunities (``LineBreaks``); a column narrower than its longest word
/// hyphenates it (never a silent cut); when even that cannot fit, each row is written as a block
/// of `header: value` lines.
struct TextTableRenderer {
    var width: Int
    var formatter: CellFormatter
    var diagnostics: DiagnosticLog?

    private static let gap = 2
    private static let minimumTextColumn = 6

    func render(_ table: TableBlock) -> [String] {
        let columns = table.columns
        guard !columns.isEmpty else { return [] }
        let headers = columns.map(\.header)
        let rows = table.rows.map { row in
            columns.indices.map { index in
                formatter.string(for: index < row.count ? row[index] : .empty, column: columns[index].type)
            }
        }
        let total = table.total.map { total in
            columns.indices.map { index in
                formatter.string(for: index < total.cells.count ? total.cells[index] : .none, label: total.label,
                                 column: columns[index].type)
            }
        }
        let rightAligned = columns.map { $0.type.isNumeric || $0.type == .year }
        let bodies = rows + (total.map { [$0] } ?? [])

        // Natural widths, and the least each column can take.
        var widths = columns.indices.map { index in
            bodies.reduce(DisplayWidth.of(headers[index])) { max($0, DisplayWidth.of($1[index])) }
        }
        let floors = columns.indices.map { index -> Int in
            let values = bodies.reduce(1) { max($0, DisplayWidth.of($1[index])) }
            return rightAligned[index] ? values : min(widths[index], max(Self.minimumTextColumn, 1))
        }
        // What each column needs so that no word breaks: its longest word (headers included),
        // and every value whole for numbers.
        let wordFloors = columns.indices.map { index -> Int in
            let texts = [headers[index]] + bodies.map { $0[index] }
            let longestWord = texts.flatMap { LineBreaks.segments($0) }.reduce(1) { max($0, DisplayWidth.of($1.text)) }
            return min(widths[index], max(longestWord, floors[index]))
        }
        // Headers wider than their column's values wrap first (a two-line header costs less
        // than wrapped values), then values wrap between words, and only then words break.
        let headerFloors = columns.indices.map { index -> Int in
            let values = bodies.reduce(1) { max($0, DisplayWidth.of($1[index])) }
            let longestHeaderWord = LineBreaks.segments(headers[index]).reduce(1) { max($0, DisplayWidth.of($1.text)) }
            return min(widths[index], max(values, longestHeaderWord))
        }
        let available = width - Self.gap * (columns.count - 1)
        for limits in [headerFloors, wordFloors, floors] {
            while widths.reduce(0, +) > available {
                // Narrow the widest column that can still give a column.
                guard let index = widths.indices.filter({ widths[$0] > limits[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
                widths[index] -= 1
            }
        }
        if widths.reduce(0, +) > available {
            return renderAsRecords(headers: headers, rows: rows, total: total)
        }

        var lines: [String] = []
        lines += layoutRow(headers, widths: widths, rightAligned: rightAligned)
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: String(repeating: " ", count: Self.gap))
        lines.append(rule)
        for row in rows { lines += layoutRow(row, widths: widths, rightAligned: rightAligned) }
        if let total {
            lines.append(rule)
            lines += layoutRow(total, widths: widths, rightAligned: rightAligned)
        }
        return lines
    }

    private func layoutRow(_ cells: [String], widths: [Int], rightAligned: [Bool]) -> [String] {
        let wrapped = cells.indices.map { index in
            DisplayWidth.of(cells[index]) <= widths[index] ? [cells[index]] : TextWrapper(width: widths[index]).wrap(cells[index])
        }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { lineIndex in
            let parts = cells.indices.map { index -> String in
                let part = lineIndex < wrapped[index].count ? wrapped[index][lineIndex] : ""
                return DisplayWidth.pad(part, to: widths[index], alignRight: rightAligned[index])
            }
            return TextWrapper.trimmingTrailingSpaces(parts.joined(separator: String(repeating: " ", count: Self.gap)))
        }
    }

    /// The fallback for tables too wide for the line: one block of `header: value` lines per row.
    private func renderAsRecords(headers: [String], rows: [[String]], total: [String]?) -> [String] {
        diagnostics?.report(Diagnostic(.note, "a table is too wide for \(width) columns; written as one block per row"))
        var lines: [String] = []
        for (index, row) in (rows + (total.map { [$0] } ?? [])).enumerated() {
            if index > 0 { lines.append("") }
            for (header, value) in zip(headers, row) where !value.isEmpty {
                lines += TextWrapper(width: width, nextPrefix: "    ").wrap("\(header): \(value)")
            }
        }
        return lines
    }
}
