import HamkorCore
import HamkorExport

/// Tables: a header row repeated at the top of every page the table runs onto, rows never
/// split across pages, numbers right-aligned, a bold total row, the table's notes after it.
extension DocumentComposer {
    static let cellPadding = 3.5
    static let rowPadding = 2.6

    /// The smallest cell text a wide table may be set in, in points.
    static let smallestCellSize = 6.0

    mutating func composeTable(_ table: TableBlock) {
        composer.space(8)
        let (cell, bold) = cellStyles(table)
        let widths = columnWidths(table, cell: cell, bold: bold)
        let headers = table.columns.map(\.header)
        let headerHeight = rowHeight(headers, widths: widths, style: bold)
        let firstRow = table.rows.first.map { cells(of: $0, table) } ?? []
        let firstHeight = firstRow.isEmpty ? 0 : rowHeight(firstRow, widths: widths, style: cell)
        let titleHeight = composer.height(table.title, .blockTitle, width: composer.width)
        composer.ensure(titleHeight + 4 + headerHeight + firstHeight)
        composer.place(.bookmark(table.title, level: 1, y: composer.y))
        composer.paragraph(table.title, .blockTitle)
        composer.y += 4
        placeRow(headers, table: table, widths: widths, height: headerHeight, style: bold, fill: .headerFill)

        for row in table.rows {
            let values = cells(of: row, table)
            let height = rowHeight(values, widths: widths, style: cell)
            if height > composer.remaining && !composer.atPageTop {
                composer.newPage()
                placeRow(headers, table: table, widths: widths, height: headerHeight, style: bold, fill: .headerFill)
            }
            placeRow(values, table: table, widths: widths, height: height, style: cell, fill: nil)
        }
        if let total = table.total {
            let values = zip(total.cells, table.columns).map { formatter.string(for: $0, label: total.label, column: $1.type) }
            let height = rowHeight(values, widths: widths, style: bold)
            if height > composer.remaining {
                composer.newPage()
                placeRow(headers, table: table, widths: widths, height: headerHeight, style: bold, fill: .headerFill)
            }
            composer.place(.line(x1: composer.left, y1: composer.y, x2: composer.left + widths.reduce(0, +), y2: composer.y,
                                 width: 0.9, color: .text))
            placeRow(values, table: table, widths: widths, height: height, style: bold, fill: nil)
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

    /// The cell styles a table is set in: the usual size, or, for a table whose numbers and
    /// longest words cannot fit the text width side by side (a pivot with many year columns),
    /// a size made just small enough that they do, never below ``smallestCellSize``. Numbers
    /// then never wrap and words are never cut.
    private func cellStyles(_ table: TableBlock) -> (cell: TextStyle, bold: TextStyle) {
        var cell = TextStyle.cell, bold = TextStyle.cellBold
        // Glyph widths do not shrink in proportion to the size (metrics are whole points), so
        // step down a quarter point at a time until the table fits.
        while cell.size > Self.smallestCellSize,
              columnWidths(table, cell: cell, bold: bold, minimumsOnly: true).reduce(0, +) > composer.width {
            cell.size = max(Self.smallestCellSize, cell.size - 0.25)
            bold.size = cell.size
        }
        return (cell, bold)
    }

    /// Column widths filling the text width. Numbers keep their widest formatted value and
    /// never wrap; text columns wrap between words, down to their longest word, each into about
    /// as many lines as the others; headers wrap between their words. Slack on a narrow table
    /// goes to the text columns. With `minimumsOnly`, the narrowest each column can be.
    private func columnWidths(_ table: TableBlock, cell: TextStyle, bold: TextStyle, minimumsOnly: Bool = false) -> [Double] {
        let padding = 2 * Self.cellPadding + 1  // a point to spare, so a word measured alone still fits in its line
        let available = composer.width
        let numeric = table.columns.map(\.type.isNumeric)
        // Pango breaks lines at spaces and after a hyphen ("Горно-|металлургическая").
        func longestWord(_ text: String, _ style: TextStyle) -> Double {
            text.split(whereSeparator: { $0.isWhitespace }).flatMap { word in
                word.split(separator: "-", omittingEmptySubsequences: true).enumerated().map { index, piece in
                    index + 1 < word.split(separator: "-").count ? piece + "-" : piece
                }
            }.map { composer.canvas.naturalWidth(String($0), style: style) }.max() ?? 0
        }
        var content = table.columns.map { longestWord($0.header, bold) + padding }
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
        for row in table.rows {
            for (index, value) in cells(of: row, table).enumerated() { survey(value, cell, column: index) }
        }
        if let total = table.total {
            for (index, value) in total.cells.enumerated() where index < table.columns.count {
                survey(formatter.string(for: value, label: total.label, column: table.columns[index].type), bold, column: index)
            }
        }
        for index in minimum.indices where !numeric[index] { minimum[index] = min(minimum[index], available * 0.4) }
        if minimumsOnly { return minimum }
        let sum = content.reduce(0, +)
        if sum <= available {
            var widths = content
            let receivers = widths.indices.filter { !numeric[$0] }
            let targets = receivers.isEmpty ? Array(widths.indices) : receivers
            let share = (available - sum) / Double(targets.count)
            for index in targets { widths[index] += share }
            return widths
        }
        // Too wide: every text column wraps into about the same number of lines L (its widest
        // value's width ÷ L, never below its minimum), with L as small as fits (bisection), so
        // a long name gets the room and no short column is squeezed into many lines.
        func widths(lines: Double) -> [Double] {
            content.indices.map { numeric[$0] ? content[$0] : max(minimum[$0], content[$0] / lines) }
        }
        var low = 1.0, high = 1000.0
        for _ in 0..<40 {
            let middle = (low + high) / 2
            if widths(lines: middle).reduce(0, +) > available { low = middle } else { high = middle }
        }
        var result = widths(lines: high)
        let spare = available - result.reduce(0, +)
        let wrapping = result.indices.filter { !numeric[$0] && result[$0] < content[$0] }
        if spare > 0, !wrapping.isEmpty { for index in wrapping { result[index] += spare / Double(wrapping.count) } }
        let total = result.reduce(0, +)
        if total > available { result = result.map { $0 * available / total } }  // minimums alone too wide: scale all
        return result
    }
}
