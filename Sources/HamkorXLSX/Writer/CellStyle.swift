/// The look of a cell, as a hashable key: equal styles share one `lxw_format`.
struct CellStyle: Hashable, Sendable {
    /// Horizontal alignment.
    enum Alignment: Hashable, Sendable { case general, left, center, right }

    var bold = false
    var italic = false
    var fontSize: Double?
    /// RGB, such as `0xC00000`.
    var fontColor: UInt32?
    /// An Excel number format code (`#,##0`, `0.0%`, `dd\.mm\.yyyy`).
    var numberFormat: String?
    /// Solid fill colour, RGB.
    var fill: UInt32?
    /// A thin border on all four sides.
    var border = false
    /// A thin top border (total rows).
    var topBorder = false
    var wrap = false
    var alignment: Alignment = .general
    var verticallyCentered = false
    /// Text is indented this many levels.
    var indent: UInt8 = 0

    /// No formatting at all: cells written with it get no style.
    static let plain = CellStyle()
}
