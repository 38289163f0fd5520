/// Where a table landed: its sheets and rows, for charts and continued totals.
struct TablePlacement {
    /// One part per sheet (one unless the table has more rows than a sheet holds).
    struct Part {
        var sheet: Worksheet
        var firstDataRow: Int
        var lastDataRow: Int
        var rowCount: Int
    }

    var parts: [Part]
    var columnCount: Int
    /// How each column was written.
    var plans: [WorkbookRenderer.ColumnPlan]
}
