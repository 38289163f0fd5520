import Foundation
import Testing
@testable import HamkorCore
import HamkorLocalization

/// The typed field tables: every reader, the report fields and the YAML writer follow them, so
/// the same records come out of every form a source can take.
@Suite struct RecordSchemaTests {
    static let sample = TestSupport.repositoryRoot.appendingPathComponent("Reports/sample-data")

    /// The fields report definitions may name, per kind: a change here changes what every
    /// bundled and user definition can use.
    @Test func reportFieldsAreTheDocumentedOnes() {
        let expected: [RecordSource: [String]] = [
            .projects: ["endYear", "id", "illustrative", "name", "partner", "partners", "place", "places", "sector", "source",
                        "startYear", "status", "value"],
            .agreements: ["area", "half", "id", "level", "month", "parties", "place", "quarter", "signed", "title", "year"],
            .twinCities: ["cities", "first", "firstCountry", "half", "id", "month", "quarter", "second", "secondCountry",
                          "signed", "year"],
            .events: ["date", "half", "id", "kind", "month", "place", "quarter", "title", "year"],
            .exchanges: ["field", "id", "title", "year"],
            .honours: ["awardedBy", "date", "half", "id", "month", "quarter", "recipient", "title", "year"],
            .trade: ["balance", "chapter", "exports", "flow", "half", "illustrative", "imports", "month", "partner", "period",
                     "quarter", "reporter", "section", "turnover", "value", "year"],
        ]
        for source in RecordSource.allCases {
            #expect(source.fields.keys.sorted() == expected[source], "\(source)")
        }
        #expect(RecordSource.trade.fields["quantity"] == nil && RecordSource.trade.schema.field("quantity")?.isStored == true)
    }

    /// The flat form: a text field as `name` and one column per language, money as amount and
    /// `currency`, in field order.
    @Test func flatColumnsFollowTheFields() {
        #expect(RecordSchema.projects.names == ["id", "name", "name.en", "name.uz", "name.uz-Cyrl", "name.az", "name.ru", "name.tr",
                                                "partners", "sector", "places", "value", "currency", "status", "startYear",
                                                "endYear", "source", "illustrative"])
        #expect(RecordSchema.trade.names == ["reporter", "partner", "period", "flow", "section", "chapter", "value", "currency",
                                             "quantity", "unit", "illustrative"])
        #expect(RecordSchema.twinCities.names == ["id", "cities", "signed"])
        #expect(RecordSchema.honours.columns.filter(\.isRequired).map(\.name) == ["id", "awardedBy"])
    }

    /// Every kind of the bundled sample, written in the flat form (a register or database row
    /// per record) and read back by the flat reader, gives the records the YAML reader gave.
    @Test func everyKindReadsTheSameFromTheFlatForm() throws {
        let dataset = try TestSupport.loader.load([Self.sample])
        let problems = ProblemList()
        let reader = FlatRecordReader(vocabulary: TestSupport.vocabulary, problems: problems)
        var flat = Dataset()
        flat.places = dataset.places
        var counts: [RecordSource: Int] = [:]
        for source in RecordSource.allCases {
            let schema = source.schema
            let layout = FlatRecord.Layout(names: schema.names) { record, _, _ in record }
            for (index, row) in RecordRows.rows(source, in: dataset).enumerated() {
                let texts = schema.columns.map { Self.flatText($0, of: row, in: schema) }
                reader.read(FlatRecord(layout: layout, texts: texts, row: index + 2, location: HamkorCore.SourceLocation(file: "flat", line: index + 2)),
                            as: schema, into: &flat)
                counts[source, default: 0] += 1
            }
        }
        #expect(problems.isEmpty, "\(problems.problems)")
        #expect(RecordSource.allCases.allSatisfy { counts[$0, default: 0] > 0 }, "\(counts)")
        #expect(Self.unlocated(flat) == Self.unlocated(dataset))
    }

    /// `hamkor import`'s writer: every kind, read back, gives the same records and writes the
    /// same text again.
    @Test func theYAMLWriterRoundTripsEveryKind() throws {
        let dataset = try TestSupport.loader.load([Self.sample])
        let yaml = DatasetYAMLWriter.yaml(dataset)
        for source in RecordSource.allCases where !RecordRows.rows(source, in: dataset).isEmpty {
            #expect(yaml.contains("\n\(source.rawValue):\n") || yaml.hasPrefix("\(source.rawValue):\n"), "\(source)")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hamkor-\(UUID().uuidString).yaml")
        try Data(yaml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let again = try TestSupport.loader.load([file, Self.sample.appendingPathComponent("dataset.yaml")])
        #expect(Self.unlocated(again) == Self.unlocated(dataset))
        #expect(DatasetYAMLWriter.yaml(again) == yaml)
    }

    /// A duplicate id is found across kinds and among records left out for other problems.
    @Test func duplicateIdsAcrossKindsAndBrokenRecords() throws {
        let found = try #require(try? loadProblems("""
        projects:
          - {id: shared, name: {en: A}, sector: energy, status: agreed}
          - {id: twice, name: {en: B}, sector: spaceflight, status: agreed}
        agreements:
          - {id: shared, title: {en: Treaty}, area: political, level: intergovernmental}
          - {id: twice, title: {en: Memo}, area: political, level: intergovernmental}
        """))
        let messages = found.map(\.description)
        #expect(messages.contains { $0.contains(":5:5: error: agreements.id: duplicate id 'shared' (first used at") && $0.hasSuffix(":2:5)") },
                "\(messages)")
        #expect(messages.contains { $0.contains(":6:5: error: agreements.id: duplicate id 'twice' (first used at") && $0.hasSuffix(":3:5)") }, "\(messages)")
        #expect(found.count == 3)
    }

    /// A rule between fields is written once: the same message from YAML and from a flat row.
    @Test func aRuleBetweenFieldsGivesOneMessageInEveryForm() throws {
        let yaml = try loadProblems("""
        projects:
          - {id: p, name: {en: A}, sector: energy, status: agreed, startYear: 2025, endYear: 2021}
        """)
        #expect(yaml.map(\.description).contains { $0.contains("projects[0].endYear: 2021 is before startYear 2025") })
        let problems = ProblemList()
        let project = FlatRecordReader(vocabulary: TestSupport.vocabulary, problems: problems)
            .project(Self.row(["id": "p", "name": "A", "sector": "energy", "status": "agreed", "startYear": "2025", "endYear": "2021"],
                              in: "p.csv"))
        #expect(project == nil)
        #expect(problems.problems.map(\.description) == ["p.csv:2:6: error: endYear: 2021 is before startYear 2025"])
    }

    /// A required column left empty is one problem, not also a rule broken by its emptiness.
    @Test func aMissingRequiredCurrencyIsOneProblem() {
        let problems = ProblemList()
        let flow = FlatRecordReader(vocabulary: TestSupport.vocabulary, problems: problems)
            .trade(Self.row(["reporter": "UZ", "partner": "AZ", "period": "2024", "flow": "export", "section": "XI", "value": "100"],
                            in: "t.csv"))
        #expect(flow == nil)
        #expect(problems.problems.map(\.description) == ["t.csv:2:1: error: currency: is required"])
    }

    /// A twin-city pair's count is reported beside its other problems.
    @Test func aPairOfThreeCitiesIsReportedBesideABadId() throws {
        let found = try loadProblems("""
        places:
          - {code: UZ-TK, country: UZ, name: {en: Tashkent}}
        twinCities:
          - {id: "bad/id", cities: [UZ-TK, UZ-TK, UZ-TK]}
        """).map(\.message)
        #expect(found.contains { $0.contains("is not a valid id") } && found.contains { $0.contains("exactly two cities, found 3") }, "\(found)")
    }

    /// Line 2 of CSV file `file` with one column per field, in order; a field is located at its column.
    static func row(_ fields: KeyValuePairs<String, String>, in file: String) -> FlatRecord {
        let layout = FlatRecord.Layout(names: fields.map(\.key)) { record, _, slot in
            HamkorCore.SourceLocation(file: record.file, line: record.line, column: slot + 1)
        }
        return FlatRecord(layout: layout, texts: fields.map(\.value), row: 2,
                          location: HamkorCore.SourceLocation(file: file, line: 2, column: 1))
    }

    private func loadProblems(_ yaml: String) throws -> [DataProblem] {
        do {
            _ = try TestSupport.loader.load(text: yaml, file: "records.yaml")
            return []
        } catch let DataError.invalid(problems) {
            return problems
        }
    }

    /// The text a flat source would give column `column` of a record (codes joined with `|`).
    static func flatText(_ column: RecordSchema.Column, of row: RecordRow, in schema: RecordSchema) -> String {
        let values = row.values(column.field)
        func text(_ value: FieldValue) -> String {
            switch value {
            case .none: ""
            case .identifier(let s), .plain(let s), .code(_, let s), .country(let s), .place(let s): s
            case .text(let t): column.name == column.field ? "" : t.exact(LanguageTag.allCases.first { "\(column.field).\($0.tag)" == column.name }!) ?? ""
            case .money(let m): column.name == RecordSchema.currencyColumn ? m.currency : "\(m.amount)"
            case .decimal(let d): "\(d)"
            case .year(let y): String(y)
            case .date(let d): d.iso
            case .period(let u): u.code
            case .flag(let f): f ? "true" : "false"
            }
        }
        return values.map(text).joined(separator: "|")
    }

    /// The records of a dataset with their locations blanked, to compare records read from
    /// different files and forms.
    static func unlocated(_ dataset: Dataset) -> [String] {
        let blank = HamkorCore.SourceLocation(file: "")
        func strip<T>(_ records: [T], _ keyPath: WritableKeyPath<T, HamkorCore.SourceLocation>) -> String {
            "\(records.map { var r = $0; r[keyPath: keyPath] = blank; return r })"
        }
        return [strip(Array(dataset.projects), \.location), strip(dataset.agreements, \.location),
                strip(dataset.twinCities, \.location), strip(dataset.events, \.location), strip(dataset.exchanges, \.location),
                strip(dataset.honours, \.location), strip(dataset.trade, \.location)]
    }
}
