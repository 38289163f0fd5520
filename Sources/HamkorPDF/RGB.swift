/// A colour, each channel 0…1.
struct RGB: Sendable, Equatable {
    var red, green, blue: Double

    init(_ red: Double, _ green: Double, _ blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    static let text = RGB(0.10, 0.10, 0.12)
    static let muted = RGB(0.36, 0.38, 0.42)
    static let rule = RGB(0.70, 0.72, 0.75)
    static let faintRule = RGB(0.87, 0.88, 0.90)
    static let headerFill = RGB(0.90, 0.93, 0.96)
    static let figureFill = RGB(0.95, 0.96, 0.98)
    static let notice = RGB(0.62, 0.13, 0.10)
    static let noticeFill = RGB(0.99, 0.94, 0.92)
    static let accent = RGB(0.13, 0.33, 0.55)
    /// Series and wedge colours, distinguishable in grey print as well.
    static let palette = [RGB(0.13, 0.33, 0.55), RGB(0.85, 0.50, 0.15), RGB(0.30, 0.60, 0.40), RGB(0.65, 0.25, 0.35),
                          RGB(0.45, 0.45, 0.70), RGB(0.60, 0.55, 0.30), RGB(0.35, 0.65, 0.75), RGB(0.55, 0.55, 0.55)]
}
