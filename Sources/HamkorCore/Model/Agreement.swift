import HamkorLocalization

/// A signed agreement, treaty or memorandum.
public struct Agreement: Hashable, Sendable {
    public var id: String
    public var title: LocalizedText
    /// An agreement-area code from the vocabulary.
    public var area: String
    public var level: AgreementLevel
    public var signed: CivilDate?
    public var parties: [CountryCode]
    /// A place code, where it was signed.
    public var place: String?
    public var location: SourceLocation

    public init(id: String, title: LocalizedText, area: String, level: AgreementLevel, signed: CivilDate?,
                parties: [CountryCode], place: String?, location: SourceLocation) {
        self.id = id
        self.title = title
        self.area = area
        self.level = level
        self.signed = signed
        self.parties = parties
        self.place = place
        self.location = location
    }
}
