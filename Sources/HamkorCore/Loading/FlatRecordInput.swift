import Foundation
import HamkorLocalization

/// A flat record — a CSV line, a workbook row, a database row — as a ``RecordInput``: one text
/// per column of its kind's flat form (``RecordSchema/columns``), each problem reported at the
/// column's own location (`file:line:column`, `register.xlsx:Лист1!D17`) under the column's name.
final class FlatRecordInput: RecordInput {
    private let record: FlatRecord
    private let schema: RecordSchema
    private let vocabulary: Vocabulary
    private let problems: ProblemList
    private(set) var failed = false

    private static let whitespace = CharacterSet.whitespaces

    /// Reads `record` as one of `schema`'s kind, reporting required columns it leaves empty.
    init(_ record: FlatRecord, schema: RecordSchema, vocabulary: Vocabulary, problems: ProblemList) {
        self.record = record
        self.schema = schema
        self.vocabulary = vocabulary
        self.problems = problems
        for field in schema.stored where field.isRequired {
            switch field.type {
            case .text:
                if !has(field.name) { fail("\(field.name).en", "the English \(field.name) is required") }
            case .money:
                for column in [field.name, RecordSchema.currencyColumn] where !hasText(column) { fail(column, "is required") }
            default:
                if !hasText(field.name) { fail(field.name, "is required") }
            }
        }
    }

    var location: SourceLocation { record.location }

    /// `trimmingCharacters(in: .whitespaces)`, without the Foundation call when there is nothing to trim.
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if !isWhitespace(first) && !isWhitespace(last) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Membership in `CharacterSet.whitespaces` (space, tab and the other space separators),
    /// answered for ASCII without asking Foundation.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" : whitespace.contains(scalar)
    }

    func fail(_ name: String, _ message: String) {
        problems.add(record.location(of: name), field: name, message)
        failed = true
    }

    /// Whether column `name` has any text, checking nothing else (so no problem is reported twice).
    private func hasText(_ name: String) -> Bool {
        record.text(name).map { !Self.trimmed($0).isEmpty } ?? false
    }

    func has(_ name: String) -> Bool {
        schema.field(name)?.type == .text ? hasText(name) || hasText("\(name).en") : hasText(name)
    }

    /// The column's trimmed text, `nil` when absent or empty; too long or unsafe text fails.
    private func value(_ name: String) -> String? {
        guard let raw = record.text(name) else { return nil }
        let text = Self.trimmed(raw)
        if let length = TextLimit.excess(text) {
            fail(name, "is \(length) characters (Unicode scalars) long; the limit is \(DatasetLimits.maxTextLength)")
            return nil
        }
        if let bad = TextSafety.firstForbidden(in: text, orNewline: true) {
            fail(name, TextSafety.message(for: bad)); return nil
        }
        if text.utf8.contains(0x09) {
            fail(name, "holds a tab; names, titles and sources are one line of text"); return nil
        }
        return text.isEmpty ? nil : text
    }

    /// The problem of one code of a field of type `type`, by the rule of that type.
    private func codeProblem(_ code: String, _ type: FieldType) -> String? {
        switch type {
        case .identifier, .place, .places: FieldRules.identifierProblem(code)
        case .code(let list): FieldRules.codeProblem(code, in: list, of: vocabulary)
        case .country, .countries: FieldRules.countryProblem(code)
        case .currency: FieldRules.currencyProblem(code)
        default: preconditionFailure("\(type) is not a code type")
        }
    }

    var readIdentifier: String?

    func readCode(_ name: String) -> String? {
        guard let code = value(name) else { return nil }
        if let problem = codeProblem(code, schema.type(of: name)) { fail(name, problem); return nil }
        return code
    }

    func list(_ name: String) -> [String] {
        let type = schema.type(of: name)
        var codes: [String] = []
        for code in (value(name) ?? "").split(whereSeparator: { $0 == "|" || $0 == " " }) {
            let code = String(code)
            if let problem = codeProblem(code, type) { fail(name, problem) } else { codes.append(code) }
        }
        return codes
    }

    /// The column of each translation of a text field (`name.ru`), English aside, per field name.
    private static let translationColumns: [String: [(LanguageTag, String)]] = {
        var columns: [String: [(LanguageTag, String)]] = [:]
        for source in RecordSource.allCases {
            for field in source.schema.stored where field.type == .text {
                columns[field.name] = LanguageTag.allCases.filter { $0 != .english }.map { ($0, "\(field.name).\($0.tag)") }
            }
        }
        return columns
    }()

    func text(_ name: String) -> LocalizedText? {
        guard has(name) else { return nil }
        guard let english = value("\(name).en") ?? value(name) else {
            fail("\(name).en", "the English \(name) is required")
            return nil
        }
        // Room for every language, English included, so neither this loop nor LocalizedText regrows it.
        var translations = [LanguageTag: String](minimumCapacity: LanguageTag.allCases.count)
        for (language, column) in Self.translationColumns[name] ?? [] {
            if let text = value(column) { translations[language] = text }
        }
        return LocalizedText(english: english, translations: translations)
    }

    func plain(_ name: String) -> String? { value(name) }

    func money(_ name: String) -> Money? {
        guard let amountText = value(name) else { return nil }
        let amount = DecimalParser.parse(amountText) { fail(name, $0) }
        let given = value(RecordSchema.currencyColumn)
        // A required money field's missing currency was reported when the input was made.
        if given == nil && schema.field(name)?.isRequired == true { return nil }
        let currency = given ?? ""
        if let problem = FieldRules.currencyProblem(currency) { fail(RecordSchema.currencyColumn, problem); return nil }
        guard let amount else { return nil }
        if let problem = FieldRules.negativeProblem(amount) { fail(name, problem); return nil }
        return Money(amount: amount, currency: currency)
    }

    func decimal(_ name: String) -> Decimal? {
        guard let text = value(name), let number = DecimalParser.parse(text, onError: { fail(name, $0) }) else { return nil }
        if let problem = FieldRules.negativeProblem(number) { fail(name, problem); return nil }
        return number
    }

    func year(_ name: String) -> Int? {
        guard let text = value(name) else { return nil }
        guard let year = Int(text), FieldRules.years.contains(year) else {
            fail(name, "expected a year \(FieldRules.years.lowerBound)–\(FieldRules.years.upperBound), found '\(TerminalText.excerpt(text, 20))'")
            return nil
        }
        return year
    }

    func date(_ name: String) -> CivilDate? {
        guard let text = value(name) else { return nil }
        let (date, problem) = FieldRules.date(text)
        if let problem { fail(name, problem) }
        return date
    }

    func period(_ name: String) -> ReportPeriod.Unit? {
        guard let text = value(name) else { return nil }
        let (unit, problem) = FieldRules.period(text)
        if let problem { fail(name, problem) }
        return unit
    }

    func flag(_ name: String) -> Bool? {
        guard let text = value(name) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "1": return true
        case "false", "no", "0": return false
        default: fail(name, "expected true or false, found '\(TerminalText.excerpt(text, 20))'"); return nil
        }
    }
}
