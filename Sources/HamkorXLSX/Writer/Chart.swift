import CXlsxWriter

/// A native chart of a ``Workbook``, drawn from worksheet cells.
struct Chart {
    /// The chart types the exporter draws.
    enum Kind: Sendable {
        case bar, column, pie

        var libraryType: UInt8 {
            switch self {
            case .bar: UInt8(LXW_CHART_BAR.rawValue)
            case .column: UInt8(LXW_CHART_COLUMN.rawValue)
            case .pie: UInt8(LXW_CHART_PIE.rawValue)
            }
        }
    }

    let handle: UnsafeMutablePointer<lxw_chart>
    let kind: Kind

    /// libxlsxwriter reads a name that starts with `=` as a cell reference; a zero-width space
    /// keeps document text literal.
    private static func literal(_ text: String) throws -> String {
        try XMLText.check(text, "the chart text '\(text.prefix(40))'")
        return text.hasPrefix("=") ? "\u{200B}" + text : text
    }

    /// Adds one series: categories and values are single-column ranges of data rows of a sheet.
    func addSeries(name: String, sheet: String, firstRow: Int, lastRow: Int, categoryColumn: Int, valueColumn: Int) throws {
        guard let series = chart_add_series(handle, nil, nil) else { throw XLSXError.allocationFailed("a chart series") }
        chart_series_set_categories(series, sheet, lxw_row_t(firstRow), lxw_col_t(categoryColumn),
                                    lxw_row_t(lastRow), lxw_col_t(categoryColumn))
        chart_series_set_values(series, sheet, lxw_row_t(firstRow), lxw_col_t(valueColumn),
                                lxw_row_t(lastRow), lxw_col_t(valueColumn))
        if !name.isEmpty { chart_series_set_name(series, try Self.literal(name)) }
        // A bar chart draws its first category at the bottom; reverse the category axis so the
        // bars read in the table's order, largest first.
        if kind == .bar, let categories = handle.pointee.y_axis { chart_axis_set_reverse(categories) }
    }

    /// Shows the value axis's numbers with an Excel number format (no effect on pie charts).
    func setValueNumberFormat(_ code: String) {
        guard kind != .pie, let axis = kind == .bar ? handle.pointee.x_axis : handle.pointee.y_axis else { return }
        chart_axis_set_num_format(axis, code)
    }

    /// Sets the chart title (bold, 12 pt: the 14 pt default of a long ministry title leaves
    /// little room for the plot) and the axis titles (bar charts have their value axis across).
    func setTitles(title: String, categoryAxis: String, valueAxis: String) throws {
        if !title.isEmpty {
            chart_title_set_name(handle, try Self.literal(title))
            var font = lxw_chart_font()
            font.size = 12
            font.bold = 1
            chart_title_set_name_font(handle, &font)
        }
        guard kind != .pie else { return }
        let (categoryAxisHandle, valueAxisHandle) = kind == .bar
            ? (handle.pointee.y_axis, handle.pointee.x_axis)
            : (handle.pointee.x_axis, handle.pointee.y_axis)
        if !categoryAxis.isEmpty, let axis = categoryAxisHandle { chart_axis_set_name(axis, try Self.literal(categoryAxis)) }
        if !valueAxis.isEmpty, let axis = valueAxisHandle { chart_axis_set_name(axis, try Self.literal(valueAxis)) }
        chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
    }

    /// The size a chart of `count` categories needs, in pixels: bar charts grow downwards by
    /// about one label line per bar, column charts sideways (and taller past eight columns,
    /// whose labels the spreadsheet turns on their side); pie charts keep one size.
    static func size(kind: Kind, categories count: Int) -> (width: Int, height: Int) {
        switch kind {
        case .bar: (640, min(max(288, 26 * count + 150), 1200))
        case .column: (min(max(480, 48 * count + 200), 1400), count > 8 ? 480 : 360)
        case .pie: (480, 320)
        }
    }
}
