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
             "year": .year, "parties": .countries, "place": .places].merging(Self.periodFields) { a, _ in a }
        case .twinCities:
            ["id": .identifier, "first": .places, "second": .places, "cities": .places, "firstCountry": .country,
             "secondCountry": .country, "signed": .date, "year": .year].merging(Self.periodFields) { a, _ in a }
        case .events:
            ["id": .identifier, "kind": .code(.eventKinds), "title": .text, "date": .date, "year": .year, "place": .places]
                .merging(Self.periodFields) { a, _ in a }
        case .exchanges:
            ["id": .identifier, "field": .code(.exchangeFields), "title": .text, "year": .year]
        case .honours:
            ["id": .identifier, "title": .text, "recipient": .text, "awardedBy": .country, "date": .date, "year": .year]
                .merging(Self.periodFields) { a, _ in a }
        case .trade:
            TradeFlow.fieldTypes
        }
    }

    /// `half`, `quarter` and `month`: the calendar unit a dated record falls in (its signature or
    /// event day, a trade row's period), for grouping and pivots by period.
    static let periodFields: [String: FieldType] = ["half": .period, "quarter": .period, "month": .period]
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
    /// A half, quarter or month (`2024-Q3`) derived from the record's date or trade period;
    /// groups and pivot columns in time order, printed as the language writes periods.
    case period
    case flag

    /// Whether `sum`, `min` and `max` apply.
    public var isNumeric: Bool { self == .money || self == .year }
}
