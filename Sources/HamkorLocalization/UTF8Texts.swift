/// Texts held as UTF-8 in one shared buffer, reached by position: a column of names as the
/// dataset keeps them, collated by ``ReportLocale/collationOrder(_:utf8:then:)`` without a
/// `String` made for each text.
public struct UTF8Texts: Sendable {
    /// The bytes every text lies in.
    public let bytes: [UInt8]
    /// Where the text of a position lies in ``bytes``; its bytes are valid UTF-8.
    public let range: @Sendable (Int) -> Range<Int>

    /// Texts in `bytes`, the text of position `p` at `range(p)`.
    public init(bytes: [UInt8], range: @escaping @Sendable (Int) -> Range<Int>) {
        self.bytes = bytes
        self.range = range
    }

    /// The text of `position`, decoded.
    public func text(_ position: Int) -> String {
        String(decoding: bytes[range(position)], as: UTF8.self)
    }
}
