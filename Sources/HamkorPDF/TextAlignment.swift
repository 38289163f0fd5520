/// Where a text sits within its width.
enum TextAlignment: Sendable {
    case leading, center, trailing
}
