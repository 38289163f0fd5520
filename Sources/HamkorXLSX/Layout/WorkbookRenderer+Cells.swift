import Foundation
import HamkorCore
import HamkorExport

/// Writing typed values.
extension WorkbookRenderer {
    /// The Excel number format of a kind of value (`nil` for text).
    func numberFormat(_ kind: ValueKind) -> String? {
        switch kind {
        case .empty, .text: nil
        case .integer: NumberFormats.integer
        case .decimal(let digits): NumberFormats.decimal(digits)
        case .money(let currency, let digits): formats.money(currency, fractionDigits: digits)
        case .percent(let digits): formats.percent(digits)
        case .date: formats.date
        case .year: NumberFormats.year
        }
    }

    /// Writes a value: text as a string cell, everything else as a number with its number format.
    ///
    /// `memo` caches the format per kind for one column, so a cell costs one small dictionary lookup.
    func write(_ value: CellValue, kind: ValueKind, on sheet: Worksheet, row: Int, column: Int,
               base: CellStyle, memo: inout [ValueKind: Format?]) throws {
        try write(value, format: format(for: kind, base: base, memo: &memo), on: sheet, row: row, column: column,
                  styledBlank: base != .plain)
    }

    /// The format of a kind of value in a column with style `base`, cached in `memo`.
    func format(for kind: ValueKind, base: CellStyle, memo: inout [ValueKind: Format?]) throws -> Format? {
        if let cached = memo[kind] { return cached }
        var style = base.with(numberFormat: numberFormat(kind))
        if kind != .text { style.wrap = false }
        let format = try workbook.formats.format(style)
        memo[kind] = format
        return format
    }

    /// Writes a value with its format already chosen; an empty cell is written (as a blank with
    /// that format) only when `styledBlank`, that is, when its column has a style of its own.
    func write(_ value: CellValue, format: Format?, on sheet: Worksheet, row: Int, column: Int, styledBlank: Bool) throws {
        switch value {
        case .empty:
            if styledBlank { try sheet.writeBlank(row: row, column: column, format: format) }
        case .text(let text), .coded(_, let text):
            try sheet.write(text: cellText(text, at: sheet.name, row: row, column: column), row: row, column: column, format: format)
        case .integer(let number), .year(let number):
            try sheet.write(number: Double(number), row: row, column: column, format: format)
        case .decimal(let number, _):
            warnIfRounded(number, at: sheet.name, row: row, column: column)
            try sheet.write(number: Self.double(number), row: row, column: column, format: format)
        case .percent(let number):  // a computed fraction, shown rounded on purpose
            try sheet.write(number: Self.double(number), row: row, column: column, format: format)
        case .money(let money):
            warnIfRounded(money.amount, at: sheet.name, row: row, column: column)
            try sheet.write(number: Self.double(money.amount), row: row, column: column, format: format)
        case .date(let date):
            try sheet.write(number: Double(date.excelSerial), row: row, column: column, format: format)
        }
    }

    /// A number cell holds what a `Double` holds: a value with more significant digits is
    /// stored rounded, and the report says so (the CSV and text outputs keep every digit).
    func warnIfRounded(_ value: Decimal, at sheet: String, row: Int, column: Int) {
        guard let digits = DecimalConversion.digitsBeyondSpreadsheet(value) else { return }
        report("cell \(sheet)!\(CellReference.cell(row: row, column: column)) holds \(value) (\(digits) significant digits); "
               + "a spreadsheet keeps \(DecimalConversion.spreadsheetDigits), so the workbook stores it rounded (CSV and text keep every digit)")
    }

    /// Writes one value with no column context (key figures).
    func write(_ value: CellValue, on sheet: Worksheet, row: Int, column: Int, base: CellStyle = .plain) throws {
        var memo: [ValueKind: Format?] = [:]
        var percentDigits = 1
        if case .percent(let fraction) = value { percentDigits = max(0, min(4, -Int(fraction.exponent) - 2)) }
        try write(value, kind: ValueKind(value, percentDigits: percentDigits, moneyDigits: nil), on: sheet, row: row, column: column,
                  base: base, memo: &memo)
    }
}
