import HamkorCore
import HamkorExport

/// Tables: a header row repeated at the top of every page the table runs onto, rows never
/// split across pages, numbers right-aligned, a bold total row, the table's notes after it.
extension DocumentComposer {
    static let cellPadding = 3.5
    static let rowPadding = 2.6
    /// Rows sampled for column widths; later rows wrap within the widths found.
    static let widthSample = 400

    mutating func composeTable(_ table: TableBlock) {
        composer.space(8)
        let widths = columnWidths(table)
        let headers = table.columns.map(\.header)
        let headerHeight = rowHeight(headers, widths: widths, style: .cellBold)
        let firstRow = table.rows.first.map { cells(of: $0, table) } ?? []
        let firstHeight = firstRow.isEmpty ? 0 : rowHeight(firstRow, widths: widths, style: .cell)
        let titleHeight = composer.height(table.title, .blockTitle, width: composer.width)
        composer.ensure(titleHeight + 4 + headerHeight + firstHeight)
        composer.place(.bookmark(table.title, level: 1, y: composer.y))
        composer.paragraph(table.title, .blockTitle)
        composer.y += 4
        placeRow(headers, table: table, widths: widths, height: headerHeight, style: .cellBold, fill: .headerFill)

        for row in table.rows {
            let values = cells(of: row, table)
            let height = rowHeight(values, widths: widths, style: .cell)
            if height > composer.remaining && !composer.atPageTop {
                composer.newPage()
                placeRow(headers, table: table, widths: widths, height: headerHeight, style: .cellBold, fill: .headerFill)
            }
            placeRow(values, table: table, widths: widths, height: height, style: .cell, fill: nil)
        }
        if let total = table.total {
            let values = zip(total.cells, table.columns).map { formatter.string(for: $0, label: total.label, column: $1.type) }
            let height = rowHeight(values, widths: widths, style: .cellBold)
            if height > composer.remaining {
                composer.newPage()
                placeRow(headers, table: table, widths: widths, height: headerHeight, style: .cellBold, fill: .headerFill)
            }
            composer.place(.line(x1: composer.left, y1: composer.y, x2: composer.left + widths.reduce(0, +), y2: composer.y,
                                 width: 0.9, color: .text))
            placeRow(values, table: table, widths: widths, height: height, style: .cellBold, fill: nil)
        }
        composer.y += 4
        composeNotes(table.notes)
        composer.y += 4
    }

    private func cells(of row: TableRow, _ table: TableBlock) -> [String] {
        zip(row, table.columns).map { formatter.string(for: $0, column: $1.type) }
    }

    private func rowHeight(_ values: [String], widths: [Double], style: TextStyle) -> Double {
        var tallest = 0.0
        for (value, width) in zip(values, widths) where !value.isEmpty {
            tallest = max(tallest, composer.height(value, style, width: width - 2 * Self.cellPadding))
        }
        return max(tallest, style.size * 1.2) + 2 * Self.rowPadding
    }

    private mutating func placeRow(_ values: [String], table: TableBlock, widths: [Double], height: Double,
                                   style: TextStyle, fill: RGB?) {
        let total = widths.reduce(0, +)
        if let fill { composer.place(.rectangle(x: composer.left, y: composer.y, width: total, height: height, color: fill)) }
        var x = composer.left
        for (index, value) in values.enumerated() {
            let width = widths[index]
            if !value.isEmpty {
                composer.place(.text(value, style, x: x + Self.cellPadding, y: composer.y + Self.rowPadding,
                                     width: width - 2 * Self.cellPadding,
                                     alignment: table.columns[index].type.isNumeric ? .trailing : .leading, color: .text))
            }
            x += width
        }
        composer.y += height
        composer.place(.line(x1: composer.left, y1: composer.y, x2: composer.left + total, y2: composer.y,
                             width: fill == nil ? 0.35 : 0.6, color: fill == nil ? .faintRule : .rule))
    }

    /// Column widths filling the text width. Numbers keep their widest formatted value and
    /// never wrap; text columns wrap between words, down to their longest word; headers wrap
    /// between their words. Slack goes to the text columns.
    private func columnWidths(_ table: TableBlock) -> [Double] {
        let padding = 2 * Self.cellPadding + 1  // a point to spare, so a word measured alone still fits in its line
        let available = composer.width
        let numeric = table.columns.map(\.type.isNumeric)
        func longestWord(_ text: String, _ style: TextStyle) -> Double {
            text.split(whereSeparator: { $0.isWhitespace }).map { composer.canvas.naturalWidth(String($0), style: style) }.max() ?? 0
        }
        var content = table.columns.map { longestWord($0.header, .cellBold) + padding }
        var minimum = content
        func survey(_ text: String, _ style: TextStyle, column: Int) {
            let width = composer.canvas.naturalWidth(text, style: style) + padding
            content[column] = max(content[column], width)
            if numeric[column] {
                minimum[column] = max(minimum[column], width)
            } else if width > minimum[column] {
                minimum[column] = max(minimum[column], longestWord(text, style) + padding)
            }
        }
        for row in table.rows.prefix(Self.widthSample) {
            for (index, value) in cells(of: row, table).enumerated() { survey(value, .cell, column: index) }
        }
        if let total = table.total {
            for (index, cell) in total.cells.enumerated() where index < table.columns.count {
                survey(formatter.string(for: cell, label: total.label, column: table.columns[index].type), .cellBold, column: index)
            }
        }
        for index in minimum.indices where !numeric[index] { minimum[index] = min(minimum[index], available * 0.4) }
        var widths = content
        let sum = widths.reduce(0, +)
        if sum <= available {
            let receivers = widths.indices.filter { !numeric[$0] }
            let targets = receivers.isEmpty ? Array(widths.indices) : receivers
            let share = (available - sum) / Double(targets.count)
            for index in targets { widths[index] += share }
            return widths
        }
        // Too wide: text columns give up width in proportion to what they can give.
        let give = widths.indices.map { numeric[$0] ? 0 : max(0, widths[$0] - minimum[$0]) }
        let ratio = min(1, (sum - available) / max(give.reduce(0, +), 0.001))
        for index in widths.indices { widths[index] -= give[index] * ratio }
        let total = widths.reduce(0, +)
        if total > available { widths = widths.map { $0 * available / total } }  // still too wide: scale all
        return widths
    }
}
