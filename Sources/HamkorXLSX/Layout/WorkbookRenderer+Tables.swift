import Foundation
import HamkorCore
import HamkorExport

/// One sheet per table (more when a table outgrows a sheet).
extension WorkbookRenderer {
    /// Rows of the table layout: title, a blank row, the header, then data from `firstDataRow`.
    static let titleRow = 0
    static let headerRow = 2
    static let firstDataRow = 3

    /// How one column is written: its width, whether text wraps, and digits its type fixes.
    struct ColumnPlan {
        var width: Double
        var wraps: Bool
        var percentDigits: Int
        var moneyDigits: Int?
    }

    func writeTable(_ table: TableBlock) throws {
        let perSheet = configuration.dataRowsPerSheet
        let columnCount = table.columns.count
        let surveys = ColumnSurvey.surveys(of: table, maximumWidth: configuration.maximumColumnWidth)
        let plans = table.columns.indices.map { plan(for: table, column: $0, survey: surveys[$0]) }
        let landscape = columnCount > configuration.landscapeColumnThreshold
            || plans.reduce(0) { $0 + $1.width } > configuration.portraitPageWidth
        let partCount = max(1, (table.rows.count + perSheet - 1) / perSheet)
        var parts: [TablePlacement.Part] = []

        for partIndex in 0..<partCount {
            let name: String
            if partIndex == 0, let claimed = sheetNames[table.id], !placements.keys.contains(table.id) {
                name = claimed  // named before the summary was written
            } else if partIndex == 0 {
                name = claimSheetName(table.shortTitle, fallback: table.id)
            } else {
                name = namer.claim(table.shortTitle, fallback: table.id)
                report("table '\(table.id)' has \(table.rows.count) rows, more than a sheet holds; "
                       + "it continues on sheet '\(name)'")
            }
            let sheet = try workbook.addWorksheet(named: name)
            let rows = (partIndex * perSheet)..<min(table.rows.count, (partIndex + 1) * perSheet)
            let isLast = partIndex == partCount - 1

            // Title, merged over the table's width (libxlsxwriter cannot merge in constant-memory mode).
            if columnCount > 1 && !workbook.constantMemory {
                try sheet.merge(text: cellText(table.title, at: name, row: Self.titleRow, column: 0), row: Self.titleRow,
                                firstColumn: 0, lastColumn: columnCount - 1, format: workbook.formats.format(.tableTitle))
            } else {
                try writeText(table.title, on: sheet, row: Self.titleRow, column: 0, style: .tableTitle)
            }
            guard columnCount > 0 else {
                parts.append(.init(sheet: sheet, firstDataRow: Self.firstDataRow, lastDataRow: Self.firstDataRow - 1, rowCount: 0))
                continue
            }

            // Sheet setup comes first: in constant-memory mode libxlsxwriter refuses ranges over rows
            // already streamed out, and the row count is known before any data row is written.
            let lastDataRow = Self.firstDataRow + rows.count - 1
            for (index, plan) in plans.enumerated() {
                try sheet.setColumns(index, index, width: plan.width)
            }
            sheet.freezePanes(row: Self.firstDataRow, column: 0)
            try sheet.autofilter(firstRow: Self.headerRow, firstColumn: 0,
                                 lastRow: max(Self.headerRow, lastDataRow), lastColumn: columnCount - 1)
            try sheet.repeatRows(Self.headerRow, Self.headerRow)
            sheet.setPage(landscape: landscape)
            try sheet.setFooter(headerFooter(prefix: "&C", template: document.labels.pageOfPages, sheet: name))
            if lastDataRow >= Self.firstDataRow {
                let identifiers = table.columns.indices.filter { table.columns[$0].type == .identifier }
                    .map { CellReference.range(firstRow: Self.firstDataRow, firstColumn: $0, lastRow: lastDataRow, lastColumn: $0) }
                if !identifiers.isEmpty { try sheet.ignoreNumberStoredAsText(identifiers.joined(separator: " ")) }
            }

            // Headers wrap between words; give the row the height of its tallest header.
            // Headers are bold, about a tenth wider than the plain text the widths were measured on.
            let headerLines = zip(table.columns, plans)
                .map { DisplayWidth.lineCount($0.header, width: max(1, Int($1.width * 0.9) - 1)) }.max() ?? 1
            if headerLines > 1 { try sheet.setRow(Self.headerRow, height: 15 * Double(headerLines) + 4) }
            let header = try workbook.formats.format(.header)
            for (index, column) in table.columns.enumerated() {
                try sheet.write(text: cellText(column.header, at: name, row: Self.headerRow, column: index),
                                row: Self.headerRow, column: index, format: header)
            }

            var memos = [[ValueKind: Format?]](repeating: [:], count: columnCount)
            // The last kind and format of each column: a column's cells nearly always share one kind,
            // so most cells skip hashing the kind into `memos` (measured: 100,000 rows, see Benchmarks/).
            var lastKinds = [ValueKind?](repeating: nil, count: columnCount)
            var lastFormats = [Format?](repeating: nil, count: columnCount)
            let bases = plans.map { CellStyle(wrap: $0.wraps) }
            let styledBlanks = bases.map { $0 != .plain }
            var row = Self.firstDataRow
            let wrapWidths = plans.map { $0.wraps ? max(1, Int($0.width) - 1) : 0 }
            let wrappedColumns = wrapWidths.indices.filter { wrapWidths[$0] > 0 }
            let width = table.rows.width
            let count = min(columnCount, width)
            // A cross-tab's row totals are live sums over the row's value cells.
            let rowTotal = table.pivot.flatMap { pivot -> (column: Int, first: Int, last: Int)? in
                guard let column = pivot.totalColumn, !pivot.valueColumns.isEmpty else { return nil }
                return (column, pivot.valueColumns.lowerBound, pivot.valueColumns.upperBound - 1)
            }
            try table.rows.forEachChunk(of: rows) { cells, chunk, firstRow in
                for rowIndex in chunk {
                    let first = (rowIndex - firstRow) * width
                    // Wrapped text gets a row tall enough to show it (Excel and LibreOffice do not
                    // grow rows of files they open); set before the row's cells, as streaming needs.
                    var lines = 1
                    for index in wrappedColumns where index < count {
                        guard case .text(let text) = cells[first + index], text.utf8.count > wrapWidths[index] else { continue }
                        lines = max(lines, DisplayWidth.lineCount(text, width: wrapWidths[index]))
                    }
                    if lines > 1 { try sheet.setRow(row, height: 15 * Double(min(lines, 20)) + 2) }
                    for index in 0..<count {
                        let plan = plans[index]
                        let kind = ValueKind(cells[first + index], percentDigits: plan.percentDigits, moneyDigits: plan.moneyDigits)
                        if kind != lastKinds[index] {
                            lastFormats[index] = try format(for: kind, base: bases[index], memo: &memos[index])
                            lastKinds[index] = kind
                        }
                        if let rowTotal, index == rowTotal.column, let number = cells[first + index].numericValue {
                            let range = CellReference.range(firstRow: row, firstColumn: rowTotal.first, lastRow: row, lastColumn: rowTotal.last)
                            try sheet.write(formula: "=SUM(\(range))", result: Self.double(number), row: row, column: index, format: lastFormats[index])
                            continue
                        }
                        try write(cells[first + index], format: lastFormats[index], on: sheet, row: row, column: index,
                                  styledBlank: styledBlanks[index])
                    }
                    row += 1
                }
            }
            parts.append(.init(sheet: sheet, firstDataRow: Self.firstDataRow, lastDataRow: lastDataRow, rowCount: rows.count))

            if isLast, let total = table.total {
                try writeTotal(total, of: table, plans: plans, parts: parts, on: sheet, row: row)
                row += 1
            }
            if isLast, !table.notes.isEmpty {
                row += 1
                for note in table.notes {
                    try writeText(note, on: sheet, row: row, column: 0, style: .note)
                    row += 1
                }
            }
        }
        placements[table.id] = TablePlacement(parts: parts, columnCount: columnCount, plans: plans)
    }

    /// The total row: the label, and per summed column a live `SUBTOTAL(109, …)` over the data
    /// rows of every part (filtered rows drop out) with the document's total as cached result.
    private func writeTotal(_ total: TotalRow, of table: TableBlock, plans: [ColumnPlan],
                            parts: [TablePlacement.Part], on sheet: Worksheet, row: Int) throws {
        let blank = try workbook.formats.format(.total)
        for (index, cell) in total.cells.prefix(table.columns.count).enumerated() {
            switch cell {
            case .none:
                try sheet.writeBlank(row: row, column: index, format: blank)
            case .label:
                try writeText(total.label, on: sheet, row: row, column: index, style: .total)
            case .value(let value):
                let plan = plans[index]
                var memo: [ValueKind: Format?] = [:]
                try write(value, kind: ValueKind(value, percentDigits: plan.percentDigits, moneyDigits: plan.moneyDigits),
                          on: sheet, row: row, column: index, base: .total, memo: &memo)
            case .sum(let value):
                let plan = plans[index]
                let kind = ValueKind(value, percentDigits: plan.percentDigits, moneyDigits: plan.moneyDigits)
                let format = try workbook.formats.format(CellStyle.total.with(numberFormat: numberFormat(kind)))
                let ranges = parts.filter { $0.rowCount > 0 }.map { part -> String in
                    let range = CellReference.range(firstRow: part.firstDataRow, firstColumn: index,
                                                    lastRow: part.lastDataRow, lastColumn: index)
                    return part.sheet.name == sheet.name ? range : CellReference.quotedSheet(part.sheet.name) + "!" + range
                }
                let result = value.numericValue.map(Self.double) ?? 0
                if ranges.isEmpty || value.numericValue == nil {
                    var memo: [ValueKind: Format?] = [:]
                    try write(value, kind: kind, on: sheet, row: row, column: index, base: .total, memo: &memo)
                } else {
                    let formula = "=" + ranges.map { "SUBTOTAL(109,\($0))" }.joined(separator: "+")
                    try sheet.write(formula: formula, result: result, row: row, column: index, format: format)
                }
            }
        }
    }

    /// Width, wrapping and digits of one column, from its survey (header and every cell) and total row.
    func plan(for table: TableBlock, column index: Int, survey: ColumnSurvey) -> ColumnPlan {
        let column = table.columns[index]
        let maximum = configuration.maximumColumnWidth
        var widest = survey.widest
        var percentDigits = 1
        var moneyDigits: Int?
        let locale = context.locale

        // The widest number is the one of largest magnitude, found by comparing doubles (a
        // million `Decimal` comparisons cost more than the rest of the plan); it is then
        // formatted from its exact value.
        func widthOfNumbers(_ format: (Decimal) -> String) -> Int {
            var numbers = survey
            if let cell = table.total?.cells[safe: index], case .sum(let value) = cell, let number = value.numericValue {
                numbers.consider(number)
            } else if let cell = table.total?.cells[safe: index], case .value(let value) = cell, let number = value.numericValue {
                numbers.consider(number)
            }
            return DisplayWidth.of(format(numbers.largest)) + (numbers.negative ? 1 : 0)
        }

        switch column.type {
        case .text, .identifier, .country, .code:
            break
        case .integer:
            widest = max(widest, widthOfNumbers { locale.integer(NSDecimalNumber(decimal: $0).intValue) })
        case .decimal(let digits):
            widest = max(widest, widthOfNumbers { locale.decimal($0, fractionDigits: digits) })
        case .money(let currency):
            moneyDigits = survey.allIntegral ? 0 : 2
            let code = currency ?? survey.firstCurrency ?? "USD"
            widest = max(widest, widthOfNumbers { locale.money($0, currency: code, fractionDigits: moneyDigits ?? 0) })
        case .percent(let digits):
            percentDigits = digits
            widest = max(widest, widthOfNumbers { locale.percent($0, fractionDigits: digits) })
        case .date:
            widest = max(widest, DisplayWidth.of(formats.date) - 2)
        case .year:
            widest = max(widest, 4)
        }
        if let total = table.total, case .label? = total.cells[safe: index] {
            widest = max(widest, DisplayWidth.widestLine(total.label))
        }
        let width = min(max(Double(widest) + 2, 6), maximum)
        return ColumnPlan(width: width, wraps: Double(widest) + 2 > maximum, percentDigits: percentDigits,
                          moneyDigits: moneyDigits)
    }
}

extension Array {
    /// The element at `index`, or `nil` past the ends.
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
