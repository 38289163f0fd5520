import Foundation
import HamkorCore
import HamkorWorkbook

/// Reads one sheet through an import profile into records: finds the header (merged group
/// headers joined as `Group / Sub`), matches columns, streams the rows until the end marker,
/// unpivots period columns, and hands each row to ``FlatRecordReader``. Every problem names
/// the workbook, the sheet and the cell: `register.xlsx:Лист1!D17: error: value: …`.
struct RegisterSheetReader {
    let file: String
    let profile: ImportProfile
    let workbook: Workbook
    let sheet: Workbook.Sheet
    let cellText: CellText
    let records: FlatRecordReader
    let problems: ProblemList

    /// A column matched to a field, or a constant value.
    private struct Binding {
        var field: RecordSchema.Column
        var column: Int?
        var constant: String?
        var unit: RegisterUnit?
    }

    private func place(_ address: CellAddress) -> SourceLocation {
        SourceLocation(file: file, place: "\(sheet.name)!\(address)")
    }

    func read() throws -> Dataset {
        var dataset = Dataset()
        dataset.files = [file]
        let layout = try workbook.layout(of: sheet)
        let lastHeaderRow = profile.headerRow + profile.headerRows - 1
        var headerCells: [CellAddress: String] = [:]
        var bindings: [Binding]?
        var periodColumns: [(column: Int, year: String)] = []
        var flatLayout: FlatRecord.Layout?
        var sawHeader = false

        try workbook.rows(of: sheet) { row in
            if row.number < profile.headerRow { return true }
            if row.number <= lastHeaderRow {
                sawHeader = true
                for cell in row.cells { headerCells[cell.address] = cellText.plain(cell.value) }
                if row.number < lastHeaderRow { return true }
            }
            if bindings == nil {
                let headers = headerTexts(headerCells, layout)
                guard let found = bind(headers, hidden: layout.hiddenColumns) else { return false }
                bindings = found
                if let periods = profile.periods {
                    periodColumns = headers.keys.sorted().compactMap { column in
                        guard !layout.hiddenColumns.contains(column), let text = headers[column]?.last,
                              let year = Self.year(inHeader: text) else { return nil }
                        return (column, year)
                    }
                    if periodColumns.isEmpty {
                        problems.add(place(CellAddress(row: lastHeaderRow, column: 1)), field: "periods",
                                     "no header in row \(lastHeaderRow) is a year, so there are no period columns to read \(periods.value) from")
                        return false
                    }
                }
                let names = found.map(\.field.name) + (profile.periods.map { [$0.field, $0.value] } ?? [])
                let columns = found.map(\.column)
                let sheetName = sheet.name, file = file
                flatLayout = FlatRecord.Layout(names: names) { record, rowNumber, slot in
                    // Period and value slots are located by the record itself (its value cell).
                    guard slot < columns.count, let column = columns[slot] else { return record }
                    return SourceLocation(file: file, place: "\(sheetName)!\(CellAddress(row: rowNumber, column: column))")
                }
                if row.number <= lastHeaderRow { return true }
            }
            guard let bindings, let flatLayout else { return false }
            if isEnd(row) { return false }
            readRow(row, bindings, periodColumns, flatLayout, into: &dataset)
            return dataset.projects.count + dataset.trade.count <= DatasetLimits.maxRecords
        }
        if !sawHeader {
            problems.add(SourceLocation(file: file, place: "\(sheet.name)!A\(profile.headerRow)"), field: nil,
                         "the sheet has no row \(profile.headerRow), where the profile puts the header")
        }
        return dataset
    }

    /// Per column, its header as the parts of each header row (merged cells fill their range).
    private func headerTexts(_ cells: [CellAddress: String], _ layout: Workbook.Layout) -> [Int: [String]] {
        var columns = Set(cells.keys.map(\.column))
        for range in layout.mergedRanges where range.first.row <= profile.headerRow + profile.headerRows - 1 && range.last.row >= profile.headerRow {
            columns.formUnion(range.first.column...min(range.last.column, range.first.column + 1024))
        }
        var result: [Int: [String]] = [:]
        for column in columns {
            var parts: [String] = []
            for row in profile.headerRow..<(profile.headerRow + profile.headerRows) {
                var address = CellAddress(row: row, column: column)
                if cells[address] == nil, let range = layout.mergedRanges.first(where: { $0.contains(address) }) { address = range.first }
                if let text = cells[address]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty, parts.last != text {
                    parts.append(text)
                }
            }
            if !parts.isEmpty { result[column] = parts }
        }
        return result
    }

    /// Matches each mapped field to its column; reports fields whose header is missing or ambiguous.
    private func bind(_ headers: [Int: [String]], hidden: Set<Int>) -> [Binding]? {
        let headerRow = profile.headerRow + profile.headerRows - 1
        var result: [Binding] = []
        var failed = false
        for mapping in profile.fields {
            guard let field = profile.schema.column(mapping.field) else { continue }
            switch mapping.source {
            case .constant(let value):
                result.append(Binding(field: field, column: nil, constant: value, unit: mapping.unit))
            case .column(let column):
                result.append(Binding(field: field, column: column, constant: nil, unit: mapping.unit))
            case .header(let texts):
                let wanted = Set(texts.map(HeaderText.normalize))
                var matches = headers.filter { column, parts in
                    !hidden.contains(column) && (wanted.contains(HeaderText.normalize(parts.joined(separator: " / ")))
                                                 || wanted.contains(HeaderText.normalize(parts.last ?? "")))
                }.keys.sorted()
                if matches.count > 1 {
                    let exact = matches.filter { wanted.contains(HeaderText.normalize(headers[$0]!.joined(separator: " / "))) }
                    if exact.count == 1 { matches = exact }
                }
                if matches.count == 1 {
                    result.append(Binding(field: field, column: matches[0], constant: nil, unit: mapping.unit))
                } else {
                    failed = true
                    let known = headers.keys.sorted().filter { !hidden.contains($0) }
                        .map { "\(CellAddress.letters($0)) '\(headers[$0]!.joined(separator: " / ").prefix(60))'" }.joined(separator: ", ")
                    let message = matches.isEmpty
                        ? "no column is headed \(texts.map { "'\($0.prefix(60))'" }.joined(separator: " or ")) in row \(headerRow) (headers: \(known))"
                        : "the header \(texts.map { "'\($0.prefix(60))'" }.joined(separator: " or ")) matches columns \(matches.map(CellAddress.letters).joined(separator: " and ")); write the full header, 'Group / Sub'"
                    problems.add(SourceLocation(file: file, place: "\(sheet.name)!A\(headerRow)"), field: mapping.field, message)
                }
            }
        }
        // A unit that names a currency (`млн долл. США`) gives the records their currency.
        if !result.contains(where: { $0.field.name == "currency" }), let currencyField = profile.schema.column("currency"),
           let currency = (result.compactMap { $0.unit?.currency } + [profile.periods?.unit?.currency].compactMap { $0 }).first {
            result.append(Binding(field: currencyField, column: nil, constant: currency, unit: nil))
        }
        return failed ? nil : result
    }

    /// Whether a row starts the end of the records (a totals row): a cell's text begins with a marker.
    private func isEnd(_ row: SheetRow) -> Bool {
        guard !profile.endMarkers.isEmpty else { return false }
        return row.cells.contains { cell in
            guard case .text(let text) = cell.value else { return false }
            let normalized = HeaderText.normalize(text)
            return profile.endMarkers.contains { normalized.hasPrefix($0) }
        }
    }

    private func readRow(_ row: SheetRow, _ bindings: [Binding], _ periods: [(column: Int, year: String)],
                         _ layout: FlatRecord.Layout, into dataset: inout Dataset) {
        var cells: [Int: SheetCell] = [:]
        for cell in row.cells { cells[cell.address.column] = cell }
        // A row with nothing in any mapped column is a blank or spacer row.
        let mappedColumns = bindings.compactMap(\.column) + periods.map(\.column)
        guard mappedColumns.contains(where: { cells[$0] != nil }) else { return }
        var texts: [String] = []
        texts.reserveCapacity(layout.names.count)
        var failed = false
        for binding in bindings {
            if let constant = binding.constant { texts.append(constant); continue }
            guard let column = binding.column, let cell = cells[column] else { texts.append(""); continue }
            do {
                texts.append(try cellText.text(cell.value, field: binding.field, unit: binding.unit))
            } catch {
                problems.add(place(cell.address), field: binding.field.name, error.message)
                failed = true
                texts.append("")
            }
        }
        let recordLocation = place(CellAddress(row: row.number, column: mappedColumns.min() ?? 1))
        guard !failed else { return }
        guard let periodSpec = profile.periods, let valueField = profile.schema.column(periodSpec.value) else {
            records.read(FlatRecord(layout: layout, texts: texts, row: row.number, location: recordLocation), as: profile.schema, into: &dataset)
            return
        }
        for (column, year) in periods {
            guard let cell = cells[column] else { continue }
            let amount: String
            do {
                amount = try cellText.text(cell.value, field: valueField, unit: periodSpec.unit)
            } catch {
                problems.add(place(cell.address), field: valueField.name, error.message)
                continue
            }
            var record = FlatRecord(layout: layout, texts: texts + [year, amount], row: row.number, location: place(cell.address))
            if let currency = periodSpec.unit?.currency, let slot = layout.names.firstIndex(of: "currency"), record.texts[slot].isEmpty {
                record.texts[slot] = currency
            }
            records.read(record, as: profile.schema, into: &dataset)
        }
    }

    /// The year a period column's header names: `2021`, `2021 г.`, `2021-yil`, `2021 il`.
    static func year(inHeader text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 4, let year = Int(digits), (1900...2100).contains(year) else { return nil }
        let rest = HeaderText.normalize(String(trimmed.dropFirst(4))).trimmingCharacters(in: CharacterSet(charactersIn: " -.,"))
        guard ["", "г", "год", "yil", "il", "йил", "y"].contains(rest) else { return nil }
        return String(digits)
    }
}
