import HamkorLocalization

/// A state honour one partner gave a citizen of the other (such as "People's Artist").
public struct Honour: Hashable, Sendable {
    public var id: String
    public var title: LocalizedText
    public var recipient: LocalizedText
    public var awardedBy: CountryCode
    public var date: CivilDate?
    public var location: SourceLocation

    public init(id: String, title: LocalizedText, recipient: LocalizedText, awardedBy: CountryCode, date: CivilDate?, location: SourceLocation) {
        self.id = id
        self.title = title
        self.recipient = recipient
        self.awardedBy = awardedBy
        self.date = date
        self.location = location
    }
}
