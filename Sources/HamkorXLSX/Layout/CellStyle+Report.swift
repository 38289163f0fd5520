/// The styles of the ministry layout.
extension CellStyle {
    /// The report title on the summary sheet.
    static let title = CellStyle(bold: true, fontSize: 16)
    /// The subtitle under it.
    static let subtitle = CellStyle(italic: true, fontSize: 12)
    /// A section heading on the summary sheet.
    static let heading = CellStyle(bold: true, fontSize: 13)
    /// A caption in the label column ("Generated", a key figure's label).
    static let caption = CellStyle(bold: true)
    /// The sample-data banner.
    static let banner = CellStyle(bold: true, fontColor: 0x9C0006, fill: 0xFFEB9C)
    /// Notes and footnotes.
    static let note = CellStyle(italic: true, fontColor: 0x404040)
    /// A table's title row.
    static let tableTitle = CellStyle(bold: true, fontSize: 14)
    /// A table's header cells.
    static let header = CellStyle(bold: true, fill: 0xDDEBF7, border: true, wrap: true, alignment: .center,
                                  verticallyCentered: true)
    /// A total row's cells.
    static let total = CellStyle(bold: true, topBorder: true)
    /// A bullet item.
    static let bullet = CellStyle(indent: 1)

    /// This style with a number format.
    func with(numberFormat code: String?) -> CellStyle {
        var style = self
        style.numberFormat = code
        return style
    }
}
