/// The kinds of records a report table, figure or list can draw from, and their fields.
public enum RecordSource: String, CaseIterable, Sendable {
    case projects, agreements, twinCities, events, exchanges, honours, trade

    /// The fields a definition may name for this source, with their types.
    public var fields: [String: FieldType] {
        switch self {
        case .projects:
            ["id": .identifier, "name": .text, "partners": .countries, "partner": .countries, "sector": .code(.sectors),
             "places": .places, "place": .places, "value": .money, "status": .code(.statuses), "startYear": .year,
             "endYear": .year, "source": .plain, "illustrative": .flag]
        case .agreements:
            ["id": .identifier, "title": .text, "area": .code(.areas), "level": .code(.levels), "signed": .date,
             "year": .year, "parties": .countries, "place": .places]
        case .twinCities:
            ["id": .identifier, "first": .places, "second": .places, "cities": .places, "firstCountry": .country,
             "secondCountry": .country, "signed": .date, "year": .year]
        case .events:
            ["id": .identifier, "kind": .code(.eventKinds), "title": .text, "date": .date, "year": .year, "place": .places]
        case .exchanges:
            ["id": .identifier, "field": .code(.exchangeFields), "title": .text, "year": .year]
        case .honours:
            ["id": .identifier, "title": .text, "recipient": .text, "awardedBy": .country, "date": .date, "year": .year]
        case .trade:
            TradeFlow.fieldTypes
        }
    }
}

/// The type of a record field, which decides how it groups, sums and displays.
public enum FieldType: Sendable, Equatable {
    case identifier
    /// Localized text from the data.
    case text
    /// Plain (untranslated) text from the data, such as provenance.
    case plain
    case code(Vocabulary.List)
    case country
    case countries
    case places
    case money
    case year
    case date
    case flag

    /// Whether `sum`, `min` and `max` apply.
    public var isNumeric: Bool { self == .money || self == .year }
}
