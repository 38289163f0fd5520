/// The kinds of records a report table, figure or list can draw from.
public enum RecordSource: String, CaseIterable, Sendable {
    case projects, agreements, twinCities, events, exchanges, honours, trade

    /// The kinds as a sentence lists them: `projects, agreements, …, honours or trade`.
    public static var kindList: String {
        allCases.dropLast().map(\.rawValue).joined(separator: ", ") + " or " + allCases.last!.rawValue
    }

    /// The kind's field table.
    public var schema: RecordSchema { RecordSchema.schema(for: self) }

    /// The fields a definition may name for this source, with their types (from ``schema``).
    public var fields: [String: FieldType] { Self.reportFields[self]! }

    private static let reportFields: [RecordSource: [String: FieldType]] =
        Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.schema.reportFields) })
}
