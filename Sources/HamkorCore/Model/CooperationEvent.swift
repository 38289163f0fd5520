import HamkorLocalization

/// A dated event such as a state visit or a meeting of the Supreme Interstate Council.
public struct CooperationEvent: Hashable, Sendable {
    public var id: String
    /// An event-kind code from the vocabulary.
    public var kind: String
    public var title: LocalizedText
    public var date: CivilDate?
    public var place: String?
    public var location: SourceLocation

    public init(id: String, kind: String, title: LocalizedText, date: CivilDate?, place: String?, location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.title = title
        self.date = date
        self.place = place
        self.location = location
    }
}
