/// Settings of ``TextBriefingExporter``.
public struct TextConfiguration: Sendable, Equatable {
    /// The smallest width the briefing can be laid out in.
    public static let minimumWidth = 20

    /// The maximum display columns of every line (clamped to at least ``minimumWidth``).
    public var width: Int

    public init(width: Int = 78) {
        self.width = max(Self.minimumWidth, width)
    }
}
