/// A region or city that projects and twin-city pairs refer to by code.
public struct Place: Hashable, Sendable {
    /// ISO 3166-2 code where one exists (`UZ-TK`), else any unique code.
    public var code: String
    public var country: CountryCode
    /// `city` or `region` (vocabulary `placeKinds`).
    public var kind: String
    public var name: LocalizedText
    public var location: SourceLocation

    public init(code: String, country: CountryCode, kind: String, name: LocalizedText, location: SourceLocation) {
        self.code = code
        self.country = country
        self.kind = kind
        self.name = name
        self.location = location
    }
}
