/// The `trade` source's fields, declared once: their types (for definitions) and their values
/// (for tables and figures). Turnover, exports, imports and balance are derived from the flow.
extension TradeFlow {
    /// Field name → type, for ``RecordSource/fields``.
    static let fieldTypes: [String: FieldType] = [
        "reporter": .country, "partner": .country, "year": .year, "flow": .code(.tradeFlows),
        "section": .code(.hsSections), "chapter": .code(.hsChapters), "value": .money,
        "turnover": .money, "exports": .money, "imports": .money, "balance": .money,
        "illustrative": .flag, "half": .period, "quarter": .period, "month": .period,
    ]

    /// The values of one field (see ``RecordRow/values(_:)``).
    func values(_ field: String) -> [FieldValue] {
        switch field {
        case "reporter": [.country(reporter)]
        case "partner": [.country(partner)]
        case "year": [.year(period.year)]
        // A row's half, quarter or month; none when the row covers a longer period.
        case "half": period.unit(.half).map { [.period($0)] } ?? []
        case "quarter": period.unit(.quarter).map { [.period($0)] } ?? []
        case "month": period.unit(.month).map { [.period($0)] } ?? []
        case "flow": [.code(.tradeFlows, direction.rawValue)]
        case "section": [.code(.hsSections, section)]
        case "chapter": chapter.map { [.code(.hsChapters, $0)] } ?? []
        case "value", "turnover": [.money(value)]
        case "exports": direction == .export ? [.money(value)] : []
        case "imports": direction == .import ? [.money(value)] : []
        case "balance": [.money(direction == .export ? value : Money(amount: -value.amount, currency: value.currency))]
        case "illustrative": [.flag(illustrative)]
        default: []
        }
    }
}
