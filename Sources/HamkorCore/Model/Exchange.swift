/// An exchange in arts, education, health care, youth policy and the like.
public struct Exchange: Hashable, Sendable {
    public var id: String
    /// An exchange-field code from the vocabulary.
    public var field: String
    public var title: LocalizedText
    public var year: Int?
    public var location: SourceLocation

    public init(id: String, field: String, title: LocalizedText, year: Int?, location: SourceLocation) {
        self.id = id
        self.field = field
        self.title = title
        self.year = year
        self.location = location
    }
}
