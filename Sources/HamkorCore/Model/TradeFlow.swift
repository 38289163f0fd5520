import Foundation

/// One flow of goods between two countries in one period, as the reporting country records it:
/// exports or imports of one HS commodity (a section, or a chapter within it).
///
/// Turnover is never stored: it is exports plus imports, derived by the `trade` source's fields
/// (see `TradeFlow+Fields.swift`). A row whose reporter is the report's partner is mirror data
/// (the partner's own figures) and is reported apart.
public struct TradeFlow: Hashable, Sendable {
    /// Which way the goods went, from the reporter's side.
    public enum Direction: String, Sendable, CaseIterable {
        case export, `import`
    }

    public var reporter: CountryCode
    public var partner: CountryCode
    /// A year, half, quarter or month.
    public var period: ReportPeriod.Unit
    public var direction: Direction
    /// The HS 2022 section (`I`–`XXI`).
    public var section: String
    /// The HS 2022 chapter (`01`–`97`), when the row is that detailed.
    public var chapter: String?
    public var value: Money
    /// An optional physical quantity and its unit (`t`, `kg`, `pcs`).
    public var quantity: Decimal?
    public var unit: String?
    /// The figure is illustrative rather than from the record (as the bundled sample's are).
    public var illustrative: Bool
    public var location: SourceLocation

    public init(reporter: CountryCode, partner: CountryCode, period: ReportPeriod.Unit, direction: Direction, section: String,
                chapter: String?, value: Money, quantity: Decimal? = nil, unit: String? = nil, illustrative: Bool = false,
                location: SourceLocation) {
        self.illustrative = illustrative
        self.reporter = reporter
        self.partner = partner
        self.period = period
        self.direction = direction
        self.section = section
        self.chapter = chapter
        self.value = value
        self.quantity = quantity
        self.unit = unit
        self.location = location
    }

    /// A stable id: reporter, partner, period, flow and commodity.
    public var id: String { "\(reporter)-\(partner)-\(period.code)-\(direction.rawValue)-\(chapter ?? section)" }
}
