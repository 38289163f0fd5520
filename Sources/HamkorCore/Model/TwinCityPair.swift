import HamkorLocalization

/// Two cities that signed a twinning (sister-city) agreement.
public struct TwinCityPair: Hashable, Sendable {
    public var id: String
    /// The two place codes, in the order given.
    public var first: String
    public var second: String
    public var signed: CivilDate?
    public var location: SourceLocation

    public init(id: String, first: String, second: String, signed: CivilDate?, location: SourceLocation) {
        self.id = id
        self.first = first
        self.second = second
        self.signed = signed
        self.location = location
    }
}
