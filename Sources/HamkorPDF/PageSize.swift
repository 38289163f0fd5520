/// The page and its margins, in points (1/72 inch).
///
/// A4 portrait with a wider inner margin for binding or a hole punch: 25 mm on the left,
/// 18 mm on the right, a running header above the text area and a footer below it.
struct PageSize: Sendable {
    static let millimetre = 72.0 / 25.4

    var width = 210 * millimetre
    var height = 297 * millimetre
    var left = 25 * millimetre
    var right = 18 * millimetre
    /// Where the running header's text starts.
    var headerTop = 11 * millimetre
    /// Where the body text starts.
    var top = 22 * millimetre
    /// Where the body text must end (from the top edge).
    var bodyBottom = (297 - 24) * millimetre
    /// Where the footer's rule is drawn (from the top edge).
    var footerTop = (297 - 21) * millimetre

    static let a4 = PageSize()

    /// The width of the text area.
    var textWidth: Double { width - left - right }
}
