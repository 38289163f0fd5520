/// An investment or trade project between the partners.
public struct Project: Hashable, Sendable {
    public var id: String
    public var name: LocalizedText
    /// Partner countries (ISO 3166-1 alpha-2).
    public var partners: [CountryCode]
    /// A sector code from the vocabulary.
    public var sector: String
    /// Place codes (regions or cities) the project is located in.
    public var places: [String]
    public var value: Money?
    public var status: ProjectStatus
    public var startYear: Int?
    public var endYear: Int?
    /// Where the record comes from.
    public var source: String?
    /// True when the value is illustrative rather than from the public record.
    public var illustrative: Bool
    public var location: SourceLocation

    public init(id: String, name: LocalizedText, partners: [CountryCode], sector: String, places: [String],
                value: Money?, status: ProjectStatus, startYear: Int?, endYear: Int?, source: String?,
                illustrative: Bool, location: SourceLocation) {
        self.id = id
        self.name = name
        self.partners = partners
        self.sector = sector
        self.places = places
        self.value = value
        self.status = status
        self.startYear = startYear
        self.endYear = endYear
        self.source = source
        self.illustrative = illustrative
        self.location = location
    }
}
