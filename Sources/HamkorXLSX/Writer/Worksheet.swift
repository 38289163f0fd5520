import CXlsxWriter

/// A worksheet of a ``Workbook``; valid until the workbook is closed. Rows and columns are zero-based.
struct Worksheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    /// The sheet's name as Excel shows it on the tab.
    let name: String

    /// Writes text as a string cell: never parsed as a number or formula.
    ///
    /// The text is passed with `withCString`, which lends a native string's own bytes; the
    /// implicit `String`-to-pointer conversion copied every cell into a new array.
    func write(text: String, row: Int, column: Int, format: Format? = nil) throws {
        try XMLText.check(text, "the text of cell \(name)!\(CellReference.cell(row: row, column: column))")
        let code = text.withCString { worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), $0, format?.handle) }
        try LibraryCall.check(code, "write text to \(name)!\(CellReference.cell(row: row, column: column))")
    }

    /// Writes a number.
    func write(number: Double, row: Int, column: Int, format: Format? = nil) throws {
        try LibraryCall.check(
            worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, format?.handle),
            "write number to \(name)!\(CellReference.cell(row: row, column: column))")
    }

    /// Writes a formula (built by the exporter, never from document text) with its cached result.
    func write(formula: String, result: Double, row: Int, column: Int, format: Format? = nil) throws {
        try LibraryCall.check(
            worksheet_write_formula_num(handle, lxw_row_t(row), lxw_col_t(column), formula, format?.handle, result),
            "write formula to \(name)!\(CellReference.cell(row: row, column: column))")
    }

    /// Writes a link to a cell of this workbook (`'Sheet name'!A1`) showing `text` as a string.
    func writeLink(to target: String, text: String, row: Int, column: Int) throws {
        try XMLText.check(text, "the text of cell \(name)!\(CellReference.cell(row: row, column: column))")
        try LibraryCall.check(
            worksheet_write_url_opt(handle, lxw_row_t(row), lxw_col_t(column), "internal:" + target, nil, text, nil),
            "write link to \(name)!\(CellReference.cell(row: row, column: column))")
    }

    /// Writes an empty cell that carries a format.
    func writeBlank(row: Int, column: Int, format: Format?) throws {
        try LibraryCall.check(
            worksheet_write_blank(handle, lxw_row_t(row), lxw_col_t(column), format?.handle),
            "write blank to \(name)!\(CellReference.cell(row: row, column: column))")
    }

    /// Merges a range of one row and writes text into it.
    func merge(text: String, row: Int, firstColumn: Int, lastColumn: Int, format: Format?) throws {
        try XMLText.check(text, "the text of cell \(name)!\(CellReference.cell(row: row, column: firstColumn))")
        try LibraryCall.check(
            worksheet_merge_range(handle, lxw_row_t(row), lxw_col_t(firstColumn), lxw_row_t(row),
                                  lxw_col_t(lastColumn), text, format?.handle),
            "merge \(name)!\(CellReference.range(firstRow: row, firstColumn: firstColumn, lastRow: row, lastColumn: lastColumn))")
    }

    /// Sets the width (in characters) and default format of columns.
    func setColumns(_ first: Int, _ last: Int, width: Double, format: Format? = nil) throws {
        try LibraryCall.check(
            worksheet_set_column(handle, lxw_col_t(first), lxw_col_t(last), width, format?.handle),
            "set column width on \(name)")
    }

    /// Sets a row's height in points.
    func setRow(_ row: Int, height: Double) throws {
        try LibraryCall.check(worksheet_set_row(handle, lxw_row_t(row), height, nil), "set row height on \(name)")
    }

    /// Freezes the rows above `row` and the columns left of `column`.
    func freezePanes(row: Int, column: Int) {
        worksheet_freeze_panes(handle, lxw_row_t(row), lxw_col_t(column))
    }

    /// Adds an autofilter over a range (header row first).
    func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
        try LibraryCall.check(
            worksheet_autofilter(handle, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn)),
            "autofilter on \(name)")
    }

    /// Repeats rows at the top of every printed page.
    func repeatRows(_ first: Int, _ last: Int) throws {
        try LibraryCall.check(worksheet_repeat_rows(handle, lxw_row_t(first), lxw_row_t(last)), "repeat rows on \(name)")
    }

    /// Page setup: orientation, A4 paper, fit to one page wide.
    func setPage(landscape: Bool) {
        if landscape { worksheet_set_landscape(handle) } else { worksheet_set_portrait(handle) }
        worksheet_set_paper(handle, 9)  // A4
        worksheet_fit_to_pages(handle, 1, 0)
    }

    /// Sets the printed footer (at most 255 characters, `&` codes as Excel defines them).
    func setFooter(_ footer: String) throws {
        try XMLText.check(footer, "the footer of \(name)")
        try LibraryCall.check(worksheet_set_footer(handle, footer), "set footer on \(name)")
    }

    /// Turns off Excel's "number stored as text" warning for a range (`B4:B20`).
    func ignoreNumberStoredAsText(_ range: String) throws {
        try LibraryCall.check(
            worksheet_ignore_errors(handle, UInt8(LXW_IGNORE_NUMBER_STORED_AS_TEXT.rawValue), range),
            "ignore errors on \(name)!\(range)")
    }

    /// Places a chart of `width` × `height` pixels with its top-left corner at a cell; its
    /// title is the alternative text screen readers give.
    func insert(_ chart: Chart, row: Int, column: Int, width: Int, height: Int, description: String) throws {
        try XMLText.check(description, "the description of a chart on \(name)")
        try description.withCString { text in
            var options = lxw_chart_options()
            options.x_scale = Double(width) / 480  // libxlsxwriter's default chart is 480 × 288
            options.y_scale = Double(height) / 288
            options.description = UnsafeMutablePointer(mutating: text)
            try LibraryCall.check(
                worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), chart.handle, &options),
                "insert chart into \(name)")
        }
    }

    /// Makes this the sheet shown when the workbook opens.
    func activate() {
        worksheet_activate(handle)
    }
}
