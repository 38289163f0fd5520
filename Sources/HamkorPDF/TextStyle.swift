/// A font size and weight, and the spacing between wrapped lines.
struct TextStyle: Hashable, Sendable {
    var size: Double
    var bold = false
    var lineSpacing = 1.0

    static let title = TextStyle(size: 19, bold: true, lineSpacing: 1.05)
    static let subtitle = TextStyle(size: 12.5)
    static let heading = TextStyle(size: 13, bold: true)
    static let blockTitle = TextStyle(size: 10.5, bold: true)
    static let body = TextStyle(size: 10, lineSpacing: 1.2)
    static let small = TextStyle(size: 8)
    static let smallBold = TextStyle(size: 8, bold: true)
    static let cell = TextStyle(size: 8.5)
    static let cellBold = TextStyle(size: 8.5, bold: true)
    static let figureLabel = TextStyle(size: 8.5)
    static let figureValue = TextStyle(size: 14, bold: true)
    static let axis = TextStyle(size: 7.5)
}
