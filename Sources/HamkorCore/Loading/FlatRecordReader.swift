import Foundation
import HamkorLocalization

/// Builds records from ``FlatRecord``s — the one place the rules of flat fields are written, for
/// CSV tables, workbook registers and database rows alike. Each broken rule is reported at the
/// field's own location; a record with any problem is left out.
public struct FlatRecordReader {
    public let vocabulary: Vocabulary
    public let problems: ProblemList

    public init(vocabulary: Vocabulary, problems: ProblemList) {
        self.vocabulary = vocabulary
        self.problems = problems
    }

    private static let whitespace = CharacterSet.whitespaces

    /// `trimmingCharacters(in: .whitespaces)`, without the Foundation call when there is nothing to trim.
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if !isWhitespace(first) && !isWhitespace(last) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Membership in `CharacterSet.whitespaces` (space, tab and the other space separators),
    /// answered for ASCII without asking Foundation.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" : whitespace.contains(scalar)
    }

    /// The flat field of each translation of a name (`name.ru`), English aside.
    static let translationFields = LanguageTag.allCases.filter { $0 != .english }.map { ($0, "name.\($0.tag)") }

    /// Reads fields of one record, remembering whether any failed.
    private final class Fields {
        let record: FlatRecord
        let problems: ProblemList
        var failed = false

        init(_ record: FlatRecord, _ problems: ProblemList) {
            self.record = record
            self.problems = problems
        }

        func at(_ name: String) -> SourceLocation { record.location(of: name) }

        func fail(_ name: String, _ message: String) {
            problems.add(at(name), field: name, message)
            failed = true
        }

        /// The field's trimmed text, `nil` when absent or empty; too long or unsafe text fails.
        func value(_ name: String) -> String? {
            guard let raw = record.text(name) else { return nil }
            let text = FlatRecordReader.trimmed(raw)
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

        func list(_ name: String) -> [String] {
            (value(name) ?? "").split(whereSeparator: { $0 == "|" || $0 == " " }).map(String.init)
        }

        func year(_ name: String) -> Int? {
            guard let text = value(name) else { return nil }
            guard let year = Int(text), FieldRules.years.contains(year) else {
                fail(name, "expected a year \(FieldRules.years.lowerBound)–\(FieldRules.years.upperBound), found '\(TerminalText.excerpt(text, 20))'")
                return nil
            }
            return year
        }

        func country(_ name: String) -> CountryCode? {
            guard let code = value(name) else { return nil }
            if let problem = FieldRules.countryProblem(code) { fail(name, problem); return nil }
            return code
        }

        func flag(_ name: String) -> Bool? {
            guard let text = value(name) else { return nil }
            switch text.lowercased() {
            case "true", "yes", "1": return true
            case "false", "no", "0": return false
            default: fail(name, "expected true or false, found '\(TerminalText.excerpt(text, 20))'"); return nil
            }
        }

        func code(_ name: String, in list: Vocabulary.List, of vocabulary: Vocabulary) -> String? {
            guard let code = value(name) else { return nil }
            if let problem = FieldRules.codeProblem(code, in: list, of: vocabulary) { fail(name, problem); return nil }
            return code
        }

        /// Whether the field has any text, checking nothing else (so no problem is reported twice).
        func has(_ name: String) -> Bool {
            record.text(name).map { !FlatRecordReader.trimmed($0).isEmpty } ?? false
        }

        func required(_ name: String) {
            if !has(name) { fail(name, "is required") }
        }

        func amount(_ name: String) -> Decimal? {
            guard let text = value(name) else { return nil }
            let amount = DecimalParser.parse(text) { fail(name, $0) }
            if let amount, amount < 0 { fail(name, "must not be negative (found \(amount))"); return nil }
            return amount
        }
    }

    /// A project, or `nil` after reporting its problems. Its id is registered for the duplicate check.
    public func project(_ record: FlatRecord) -> Project? {
        let f = Fields(record, problems)
        let id = f.value("id")
        if let id { problems.registerIdentifier(id, at: f.at("id"), field: "projects.id") }
        if let id {
            if let problem = FieldRules.identifierProblem(id) { f.fail("id", problem) }
        } else {
            f.fail("id", "is required")
        }
        let english = f.value("name.en") ?? f.value("name")
        if english == nil { f.fail("name.en", "the English name is required") }
        // Room for every language, English included, so neither this loop nor LocalizedText regrows it.
        var translations = [LanguageTag: String](minimumCapacity: LanguageTag.allCases.count)
        for (language, field) in Self.translationFields {
            if let text = f.value(field) { translations[language] = text }
        }
        let sector = f.value("sector")
        if let sector {
            if let problem = FieldRules.codeProblem(sector, in: .sectors, of: vocabulary) { f.fail("sector", problem) }
        } else {
            f.fail("sector", "is required")
        }
        let status = f.value("status").flatMap(ProjectStatus.init(rawValue:))
        if status == nil { f.fail("status", "expected one of \(ProjectStatus.allCases.map(\.rawValue).joined(separator: ", "))") }
        var partners: [CountryCode] = []
        for code in f.list("partners") {
            if let problem = FieldRules.countryProblem(code) { f.fail("partners", problem) } else { partners.append(code) }
        }
        var money: Money?
        if let amountText = f.value("value") {
            let amount = DecimalParser.parse(amountText) { f.fail("value", $0) }
            let currency = f.value("currency") ?? ""
            if let problem = FieldRules.currencyProblem(currency) { f.fail("currency", problem) }
            if let amount, amount < 0 { f.fail("value", "must not be negative (found \(amount))") }
            if let amount, !f.failed { money = Money(amount: amount, currency: currency) }
        }
        let start = f.year("startYear"), end = f.year("endYear")
        if let start, let end, end < start { f.fail("endYear", "\(end) is before startYear \(start)") }
        let illustrative = f.flag("illustrative") ?? false
        guard !f.failed, let id, let english, let sector, let status else { return nil }
        return Project(id: id, name: LocalizedText(english: english, translations: translations), partners: partners,
                       sector: sector, places: f.list("places"), value: money, status: status, startYear: start,
                       endYear: end, source: f.value("source"), illustrative: illustrative, location: record.location)
    }

    /// A trade flow, or `nil` after reporting its problems.
    public func trade(_ record: FlatRecord) -> TradeFlow? {
        let f = Fields(record, problems)
        for name in ["reporter", "partner", "period", "flow", "value", "currency"] { f.required(name) }
        let reporter = f.country("reporter"), partner = f.country("partner")
        var period: ReportPeriod.Unit?
        if let text = f.value("period") {
            period = ReportPeriod.Unit(code: text)
            if period == nil { f.fail("period", "'\(TerminalText.excerpt(text, 20))' is not a period; use 2024, 2024-H1, 2024-Q3 or 2024-07") }
        }
        let direction = f.code("flow", in: .tradeFlows, of: vocabulary).flatMap(TradeFlow.Direction.init(rawValue:))
        let chapter = f.code("chapter", in: .hsChapters, of: vocabulary)
        let given = f.code("section", in: .hsSections, of: vocabulary)
        let (section, conflict) = FieldRules.tradeSection(section: given, chapter: chapter)
        if let conflict { f.fail("section", conflict) }
        if !f.has("section") && !f.has("chapter") {
            f.fail("section", "give a section (an HS section, I–XXI) or a chapter (01–97)")
        }
        let currency = f.value("currency")
        if let currency, let problem = FieldRules.currencyProblem(currency) { f.fail("currency", problem) }
        let value = f.amount("value")
        let quantity = f.amount("quantity"), unit = f.value("unit")
        if f.has("quantity") != f.has("unit") {
            f.fail(f.has("quantity") ? "unit" : "quantity", "quantity and unit go together")
        }
        let illustrative = f.flag("illustrative") ?? false
        guard !f.failed, let reporter, let partner, let period, let direction, let section, let value, let currency else { return nil }
        return TradeFlow(reporter: reporter, partner: partner, period: period, direction: direction, section: section,
                         chapter: chapter, value: Money(amount: value, currency: currency), quantity: quantity, unit: unit,
                         illustrative: illustrative, location: record.location)
    }

    /// The record of `schema`'s kind, appended to `dataset` when valid.
    public func read(_ record: FlatRecord, as schema: RecordSchema, into dataset: inout Dataset) {
        switch schema.source {
        case .projects: if let project = project(record) { dataset.projects.append(project) }
        case .trade: if let figure = trade(record) { dataset.trade.append(figure) }
        default: problems.add(record.location, field: nil, "\(schema.source.rawValue) cannot be read from a table")
        }
    }
}
