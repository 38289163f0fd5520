import Foundation
import HamkorLocalization

/// One record as a source gives it, read field by field as its kind's ``RecordSchema`` types
/// the fields. A YAML/JSON mapping (``YAMLRecordInput``) and a flat record — a CSV line, a
/// workbook row, a database row (``FlatRecordInput``) — conform; ``RecordAssembler`` builds the
/// record from either, so a record's rules are written once for every source.
///
/// Each accessor reads the stored field `name` by its schema type and checks it against
/// ``FieldRules``. It gives `nil` (or no values) when the field is absent, and when it is broken,
/// after reporting the problem at the field in the source's own terms. Unknown and missing
/// required fields are reported when the input is made.
protocol RecordInput: AnyObject {
    /// Whether a problem was reported for this record.
    var failed: Bool { get }
    /// The record's `id` as read (a valid id), once `code("id")` has read it.
    var readIdentifier: String? { get set }
    /// Where the record is.
    var location: SourceLocation { get }
    /// Whether the source gives field `name` with any text (a money field: its amount), checking nothing.
    func has(_ name: String) -> Bool
    /// A one-code field: an id, a vocabulary code, a country, a place or a currency (see ``code(_:)``).
    func readCode(_ name: String) -> String?
    /// A list field: countries or places.
    func list(_ name: String) -> [String]
    /// A localized text; the English text is required when the field is given.
    func text(_ name: String) -> LocalizedText?
    /// Untranslated one-line text.
    func plain(_ name: String) -> String?
    /// An exact amount and its currency.
    func money(_ name: String) -> Money?
    /// An exact number, never negative.
    func decimal(_ name: String) -> Decimal?
    func year(_ name: String) -> Int?
    func date(_ name: String) -> CivilDate?
    func period(_ name: String) -> ReportPeriod.Unit?
    func flag(_ name: String) -> Bool?
    /// Reports a rule that field `name` breaks: at the field, or at the record when the source
    /// does not give it.
    func fail(_ name: String, _ message: String)
}

extension RecordInput {
    /// A one-code field: an id, a vocabulary code, a country, a place or a currency. The `id`
    /// read is kept in ``readIdentifier``.
    func code(_ name: String) -> String? {
        let code = readCode(name)
        if name == "id" { readIdentifier = code }
        return code
    }

    /// The code of a field whose codes are a Swift enum's raw values.
    func code<T: RawRepresentable>(_ name: String, as type: T.Type) -> T? where T.RawValue == String {
        code(name).flatMap(T.init(rawValue:))
    }
}
