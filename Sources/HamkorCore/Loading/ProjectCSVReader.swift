import Foundation
import HamkorLocalization

/// Reads a project table exported from a spreadsheet (header row of field names) into projects.
struct ProjectCSVReader {
    let file: String
    let vocabulary: Vocabulary
    let problems: ProblemList

    private static let columns: Set<String> = Set(["id", "name"] + LanguageTag.allCases.map { "name.\($0.tag)" } + [
                                               "partners", "sector", "places", "value", "currency", "status",
                                               "startYear", "endYear", "source", "illustrative"])

    private static let whitespace = CharacterSet.whitespaces

    /// `trimmingCharacters(in: .whitespaces)`, without the Foundation call when there is nothing to trim.
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if !whitespace.contains(first) && !whitespace.contains(last) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// The projects of one CSV file. Records are read as they are parsed (see
    /// `CSVTableReader.parse(_:each:)`); a syntax error anywhere in the file drops the file's
    /// projects and is reported beside any row problems found before it.
    func read(_ text: String) -> Dataset {
        var dataset = Dataset()
        dataset.files = [file]
        var header: CSVTableReader.Record?
        var columnIndex: [String: Int] = [:]
        var readsRows = false
        do {
            try CSVTableReader(delimiter: CSVTableReader.detectDelimiter(in: text)).parse(text) { record in
                guard let header else {
                    header = record
                    columnIndex = readHeader(record)
                    readsRows = problems.isEmpty
                    return
                }
                guard readsRows else { return }
                if record.fields.count != header.fields.count {
                    problems.add(SourceLocation(file: file, line: record.line, column: 1), field: nil,
                                 "row has \(record.fields.count) fields, the header has \(header.fields.count)")
                    return
                }
                if let project = readRow(record, columnIndex) { dataset.projects.append(project) }
            }
        } catch {
            problems.add(SourceLocation(file: file, line: error.line, column: error.column), field: nil, error.message)
            dataset.projects = []
        }
        return dataset
    }

    /// The column of each known field name in the header, reporting unknown, repeated and missing columns.
    private func readHeader(_ header: CSVTableReader.Record) -> [String: Int] {
        var columnIndex: [String: Int] = [:]
        for (index, raw) in header.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            guard Self.columns.contains(name) else {
                problems.add(SourceLocation(file: file, line: header.line, column: index + 1), field: name,
                             "unknown column '\(TerminalText.excerpt(name, 40))' (known: \(Self.columns.sorted().joined(separator: ", ")))")
                continue
            }
            if columnIndex[name] != nil {
                problems.add(SourceLocation(file: file, line: header.line, column: index + 1), field: name, "column appears twice")
            }
            columnIndex[name] = index
        }
        for required in ["id", "sector", "status"] where columnIndex[required] == nil {
            problems.add(SourceLocation(file: file, line: header.line, column: 1), field: required, "required column is missing")
        }
        if let plain = columnIndex["name"], columnIndex["name.en"] != nil {
            // `name` stands for `name.en`: with both, one would silently win.
            problems.add(SourceLocation(file: file, line: header.line, column: plain + 1), field: "name",
                         "columns 'name' and 'name.en' both give the English name; keep one of them")
        }
        if columnIndex["name"] == nil && columnIndex["name.en"] == nil {
            problems.add(SourceLocation(file: file, line: header.line, column: 1), field: "name.en", "required column is missing")
        }
        return columnIndex
    }

    private func readRow(_ record: CSVTableReader.Record, _ columns: [String: Int]) -> Project? {
        var failed = false
        func at(_ name: String) -> SourceLocation {
            SourceLocation(file: file, line: record.line, column: (columns[name] ?? 0) + 1)
        }
        func fail(_ name: String, _ message: String) {
            problems.add(at(name), field: name, message); failed = true
        }
        func value(_ name: String) -> String? {
            guard let index = columns[name] else { return nil }
            let text = Self.trimmed(record.fields[index])
            if let length = TextLimit.excess(text) {
                fail(name, "is \(length) characters (Unicode scalars) long; the limit is \(DatasetLimits.maxTextLength)")
                return nil
            }
            if let bad = TextSafety.firstForbidden(in: text, orNewline: true) {
                fail(name, TextSafety.message(for: bad)); return nil
            }
            return text.isEmpty ? nil : text
        }
        func list(_ name: String) -> [String] {
            (value(name) ?? "").split(whereSeparator: { $0 == "|" || $0 == " " }).map(String.init)
        }
        let id = value("id")
        if let id { problems.registerIdentifier(id, at: at("id"), field: "projects.id") }
        if let id {
            if let problem = FieldRules.identifierProblem(id) { fail("id", problem) }
        } else {
            fail("id", "is required")
        }
        let english = value("name.en") ?? value("name")
        if english == nil { fail("name.en", "the English name is required") }
        // Room for every language, English included, so neither this loop nor LocalizedText regrows it.
        var translations = [LanguageTag: String](minimumCapacity: LanguageTag.allCases.count)
        for language in LanguageTag.allCases where language != .english {
            if let text = value("name.\(language.tag)") { translations[language] = text }
        }
        let sector = value("sector")
        if let sector {
            if let problem = FieldRules.codeProblem(sector, in: .sectors, of: vocabulary) { fail("sector", problem) }
        } else {
            fail("sector", "is required")
        }
        let status = value("status").flatMap(ProjectStatus.init(rawValue:))
        if status == nil { fail("status", "expected one of \(ProjectStatus.allCases.map(\.rawValue).joined(separator: ", "))") }
        var partners: [CountryCode] = []
        for code in list("partners") {
            if let problem = FieldRules.countryProblem(code) { fail("partners", problem) } else { partners.append(code) }
        }
        var money: Money?
        if let amountText = value("value") {
            let amount = DecimalParser.parse(amountText) { fail("value", $0) }
            let currency = value("currency") ?? ""
            if let problem = FieldRules.currencyProblem(currency) { fail("currency", problem) }
            if let amount, amount < 0 { fail("value", "must not be negative (found \(amount))") }
            if let amount, !failed { money = Money(amount: amount, currency: currency) }
        }
        func year(_ name: String) -> Int? {
            guard let text = value(name) else { return nil }
            guard let year = Int(text), FieldRules.years.contains(year) else {
                fail(name, "expected a year \(FieldRules.years.lowerBound)–\(FieldRules.years.upperBound), found '\(TerminalText.excerpt(text, 20))'")
                return nil
            }
            return year
        }
        let start = year("startYear"), end = year("endYear")
        if let start, let end, end < start { fail("endYear", "\(end) is before startYear \(start)") }
        var illustrative = false
        if let text = value("illustrative") {
            switch text.lowercased() {
            case "true", "yes", "1": illustrative = true
            case "false", "no", "0": illustrative = false
            default: fail("illustrative", "expected true or false, found '\(TerminalText.excerpt(text, 20))'")
            }
        }
        guard !failed, let id, let english, let sector, let status else { return nil }
        return Project(id: id, name: LocalizedText(english: english, translations: translations), partners: partners,
                       sector: sector, places: list("places"), value: money, status: status, startYear: start,
                       endYear: end, source: value("source"), illustrative: illustrative,
                       location: SourceLocation(file: file, line: record.line, column: 1))
    }
}
