/// One thing drawn on a page, placed in points from the page's top-left corner. Pages are
/// composed as lists of items first and painted after, once the page count is known.
enum PDFItem: Sendable {
    /// Text with its top-left corner at (x, y), wrapped at `width`.
    case text(String, TextStyle, x: Double, y: Double, width: Double, alignment: TextAlignment, color: RGB)
    /// A straight line.
    case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, color: RGB)
    /// A filled rectangle.
    case rectangle(x: Double, y: Double, width: Double, height: Double, color: RGB)
    /// A stroked line through the points (a line chart's series).
    case polyline([(x: Double, y: Double)], width: Double, color: RGB)
    /// A filled circle (a line chart's marker).
    case dot(centerX: Double, centerY: Double, radius: Double, color: RGB)
    /// A filled pie wedge, angles in radians clockwise from three o'clock.
    case wedge(centerX: Double, centerY: Double, radius: Double, start: Double, end: Double, color: RGB)
    /// A bookmark in the document outline pointing here; level 0 is a section, 1 within one.
    case bookmark(String, level: Int, y: Double)
}
