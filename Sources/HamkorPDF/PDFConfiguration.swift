/// Settings of the PDF exporter.
public struct PDFConfiguration: Sendable, Equatable {
    /// The font family, found through fontconfig; it must cover Latin, Cyrillic, `ə`, `ʻ`, `ʼ`
    /// and `№` (Noto Sans, from Debian's fonts-noto-core, does). Pango falls back per glyph.
    public var fontFamily: String
    /// The document's author in its information dictionary.
    public var author: String

    public init(fontFamily: String = "Noto Sans", author: String = "Hamkor") {
        self.fontFamily = fontFamily
        self.author = author
    }
}
