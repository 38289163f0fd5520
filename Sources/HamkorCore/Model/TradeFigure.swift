/// One year of trade between a reporting country and a partner.
public struct TradeFigure: Hashable, Sendable {
    public var year: Int
    public var reporter: CountryCode
    public var partner: CountryCode
    public var turnover: Money
    public var exports: Money?
    public var imports: Money?
    public var location: SourceLocation

    public init(year: Int, reporter: CountryCode, partner: CountryCode, turnover: Money, exports: Money?, imports: Money?, location: SourceLocation) {
        self.year = year
        self.reporter = reporter
        self.partner = partner
        self.turnover = turnover
        self.exports = exports
        self.imports = imports
        self.location = location
    }
}
