/// The kinds of records a report table, figure or list can draw from.
public enum RecordSource: String, CaseIterable, Sendable {
    case projects, agreements, twinCities, events, exchanges, honours, trade

    /// The kinds as a sentence lists them: `projects, agreements, …, honours or trade`.
    public static var kindList: String {
        allCases.dropLast().map(\.rawValue).joined(separator: ", ") + " or " + allCases.last!.rawValue
    }

    /// `3 twin-city pairs`, `1 project`: a count of this kind's records, in English, for
    /// command output.
    public func counted(_ count: Int) -> String {
        let (one, many) = switch self {
        case .projects: ("project", "projects")
        case .agreements: ("agreement", "agreements")
        case .twinCities: ("twin-city pair", "twin-city pairs")
        case .events: ("event", "events")
        case .exchanges: ("exchange", "exchanges")
        case .honours: ("honour", "honours")
        case .trade: ("trade flow", "trade flows")
        }
        return "\(count) \(count == 1 ? one : many)"
    }

    /// The kind's field table.
    public var schema: RecordSchema { RecordSchema.schema(for: self) }

    /// The fields a definition may name for this source, with their types (from ``schema``).
    public var fields: [String: FieldType] { Self.reportFields[self]! }

    private static let reportFields: [RecordSource: [String: FieldType]] =
        Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.schema.reportFields) })
}
