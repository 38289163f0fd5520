import Foundation
import Testing
@testable import HamkorCore

/// Every validation rule, each reported with its file, line and field.
@Suite struct ValidationTests {
    /// Writes YAML to a temporary file and returns the problems loading it reports.
    func problems(_ yaml: String, ext: String = "yaml") throws -> [DataProblem] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hamkor-\(UUID().uuidString).\(ext)")
        try Data(yaml.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return TestSupport.problems(loading: [url])
    }

    @Test func theFourClassicProblemsAreAllReported() {
        let found = TestSupport.problems(loading: [TestSupport.fixture("four-problems.yaml")])
        let file = TestSupport.fixture("four-problems.yaml").path
        let lines = found.map(\.description)
        #expect(lines.contains { $0.hasPrefix("\(file):8:13: error: projects[1].sector: unknown sector code 'spaceflight'") })
        #expect(lines.contains { $0.hasPrefix("\(file):14:21: error: projects[2].value.amount: must not be negative") })
        #expect(lines.contains { $0.hasPrefix("\(file):20:13: error: agreements[0].signed: '2024-02-30' is not a valid date") })
        #expect(lines.contains { $0.hasPrefix("\(file):6:5: error: projects.id: duplicate id 'dup' (first used at \(file):2:5)") })
        #expect(found.count == 4)
    }

    @Test func duplicateIdsNameBothPlaces() throws {
        let found = try problems("""
        projects:
          - {id: dup, name: {en: A}, sector: energy, status: agreed}
          - {id: dup, name: {en: B}, sector: energy, status: agreed}
        """)
        #expect(found.count == 1)
        #expect(found[0].location.line == 3)
        #expect(found[0].message.contains("duplicate id 'dup' (first used at"))
        #expect(found[0].message.contains(":2:"))
    }

    /// Duplicate project ids found through the id table are the ones a `String`-keyed
    /// dictionary finds, with the same first use: many random ids, some written in two
    /// canonically equivalent ways (the Kelvin sign and `K`, `Å` as U+212B and U+00C5).
    @Test func duplicateProjectIdsAreThoseOfStringEquality() {
        var random = ProjectColumnsTests.Random(seed: 23)
        let sectors = TestSupport.vocabulary.codes(.sectors)
        let pool = (0..<300).map { "p-\($0)" } + ["\u{212A}-1", "K-1", "\u{212B}", "\u{00C5}", "A\u{030A}", "Ж-1"]
        var projects = ProjectColumns()
        var reference: [String: Int] = [:], expected: [String] = []
        for row in 0..<700 {  // fewer duplicates than the problem list keeps
            var project = ProjectColumnsTests.project(row, &random, places: ["UZ-TK"], sectors: sectors)
            project.id = pool[Int.random(in: 0..<pool.count, using: &random)]
            project.location = SourceLocation(file: "t.csv", line: row + 2, column: 1)
            if let first = reference[project.id] {
                expected.append("t.csv:\(row + 2):1 duplicate id '\(project.id)' (first used at t.csv:\(first + 2):1)")
            } else {
                reference[project.id] = row
            }
            projects.append(project)
        }
        var dataset = Dataset()
        dataset.projects = projects
        let problems = ProblemList()
        DatasetValidator(problems: problems, checksReferences: false).checkIdentifiers(dataset)
        let found = problems.problems.map { "\($0.location) \($0.message)" }
        #expect(found.count == expected.count)
        let differing = zip(found, expected).first { $0 != $1 }
        #expect(differing == nil, "\(differing.map { "found \($0.0), expected \($0.1)" } ?? "")")
        #expect(expected.contains { $0.contains("'K-1'") || $0.contains("'\u{212A}-1'") })
    }

    @Test func unknownCodesCountriesCurrenciesStatuses() throws {
        let found = try problems("""
        projects:
          - id: p
            name: {en: A}
            sector: enrgy
            status: done
            partners: [UZ, XX]
            value: {amount: 10, currency: DOLLAR}
        agreements:
          - {id: a, title: {en: T}, area: cooking, level: galactic}
        """)
        let messages = found.map(\.description).joined(separator: "\n")
        #expect(messages.contains("unknown sector code 'enrgy'; did you mean 'energy'?"))
        #expect(messages.contains("projects[0].status: unknown project status code 'done'"))
        #expect(messages.contains("projects[0].partners[1]: unknown country code 'XX'"))
        #expect(messages.contains("projects[0].value.currency: unknown currency code 'DOLLAR'"))
        #expect(messages.contains("agreements[0].area: unknown agreement area code 'cooking'"))
        #expect(messages.contains("agreements[0].level: unknown agreement level code 'galactic'"))
        #expect(found.count == 6)
    }

    @Test(arguments: [("abc", "expected a number"), ("1e400", "exponent"), ("NaN", "is not a number"), (".inf", "is not a number"),
                      ("1,000", "grouping separator"), ("1234567890123456789012345678901234567890", "significant digits")])
    func nonNumericValues(_ amount: String, _ fragment: String) throws {
        let found = try problems("projects:\n  - {id: p, name: {en: A}, sector: energy, status: agreed, value: {amount: \"\(amount)\", currency: USD}}\n")
        #expect(found.count == 1)
        #expect(found.first?.message.contains(fragment) == true)
        #expect(found.first?.field == "projects[0].value.amount")
    }

    @Test func missingEnglishNameAndRequiredFields() throws {
        let found = try problems("projects:\n  - id: p\n    name: {ru: Проект}\n    sector: energy\n")
        let text = found.map(\.description).joined(separator: "\n")
        #expect(text.contains("projects[0].name.en: the English text is required"))
        #expect(text.contains("projects[0].status: is required"))
    }

    @Test func twinCityNamingOneCityTwice() throws {
        let found = try problems("""
        places:
          - {code: UZ-TK, country: UZ, name: {en: Tashkent}}
        twinCities:
          - {id: t, cities: [UZ-TK, UZ-TK]}
        """)
        #expect(found.count == 1)
        #expect(found[0].description.contains(":4:21: error: twinCities[0].cities: a twin-city pair names 'UZ-TK' twice"))
    }

    @Test func unknownPlaceReferencesAndUnknownFields() throws {
        let found = try problems("""
        projects:
          - {id: p, name: {en: A}, sector: energy, status: agreed, places: [UZ-XX], budjet: 5}
        """)
        let text = found.map(\.description).joined(separator: "\n")
        #expect(text.contains("unknown field 'budjet'"))
        let second = try problems("projects:\n  - {id: p, name: {en: A}, sector: energy, status: agreed, places: [UZ-XX]}\n")
        #expect(second.first?.message == "unknown place code 'UZ-XX'; add it under places:")
    }

    /// Every use of an unknown place is reported at its project, in the order of the file, a
    /// code used again as often as it is used, known codes beside them not at all.
    @Test func everyUseOfAnUnknownPlaceIsReportedInOrder() throws {
        let found = try problems("""
        places:
          - {code: UZ-TK, country: UZ, name: {en: Tashkent}}
        projects:
          - {id: a, name: {en: A}, sector: energy, status: agreed, places: [UZ-TK, UZ-XX]}
          - {id: b, name: {en: B}, sector: energy, status: agreed, places: [UZ-XX]}
          - {id: c, name: {en: C}, sector: energy, status: agreed, places: [UZ-TK]}
          - {id: d, name: {en: D}, sector: energy, status: agreed, places: [UZ-YY, UZ-TK]}
        """)
        #expect(found.map(\.message) == ["unknown place code 'UZ-XX'; add it under places:",
                                          "unknown place code 'UZ-XX'; add it under places:",
                                          "unknown place code 'UZ-YY'; add it under places:"])
        #expect(found.map(\.location.line) == [4, 5, 7])
    }

    @Test func yamlSyntaxErrorHasItsLine() {
        let found = TestSupport.problems(loading: [TestSupport.fixture("syntax-error.yaml")])
        #expect(found.count == 1)
        #expect(found.first?.location.line ?? 0 >= 3)
        #expect(found.first?.message.hasPrefix("syntax error:") == true)
    }

    @Test func endYearBeforeStartYearAndBadYears() throws {
        let found = try problems("projects:\n  - {id: p, name: {en: A}, sector: energy, status: agreed, startYear: 2025, endYear: 2020}\n  - {id: q, name: {en: B}, sector: energy, status: agreed, startYear: twenty}\n")
        let text = found.map(\.description).joined(separator: "\n")
        #expect(text.contains("endYear: 2020 is before startYear 2025"))
        #expect(text.contains("startYear: expected a whole number"))
    }

    @Test func anchorsAreRefused() throws {
        let found = try problems("dataset:\n  sources: &s [a]\nplaces: *s\n")
        #expect(found.count == 1)
        #expect(found.first?.description.contains(":2:12: error: YAML anchors (&name) are not allowed") == true)
        let deep = try problems(String(repeating: "[", count: 100) + String(repeating: "]", count: 100))
        #expect(deep.first?.message == "nested more than 64 levels deep; Hamkor files need far fewer")
    }

    @Test func csvProblemsNameTheColumn() throws {
        let found = try problems("id,name,sector,status,value,currency\np1,A,energy,agreed,-5,USD\np2,B,bogus,agreed,5,USD\np3,C\n", ext: "csv")
        let text = found.map(\.description).joined(separator: "\n")
        #expect(text.contains(":2:5: error: value: must not be negative"))
        #expect(text.contains(":3:3: error: sector: unknown sector code 'bogus'"))
        #expect(text.contains(":4:1: error: row has 2 fields, the header has 6"))
    }

    /// A syntax error drops the whole file's projects; row problems found before it stay reported.
    @Test func csvSyntaxErrorAfterRowProblems() throws {
        let source = "id,name,sector,status\np1,A,energy,agreed\np2,B,bogus,agreed\np3,\"C\"x,energy,agreed\n"
        let found = try problems(source, ext: "csv")
        let text = found.map(\.description).joined(separator: "\n")
        #expect(found.count == 2)
        #expect(text.contains(":3:3: error: sector: unknown sector code 'bogus'"))
        #expect(text.contains(":4:7: error: text after a closing quote"))
    }

    /// A CSV project table and a YAML dataset break the same rules with the same messages.
    @Test func csvAndYAMLShareTheFieldRules() throws {
        let csv = try problems("id,name,sector,status,value,currency,partners\np..1,A,enrgy,agreed,5,DOLLAR,UZ|XX\n", ext: "csv")
        let yaml = try problems("""
            projects:
              - id: p..1
                name: {en: A}
                sector: enrgy
                status: agreed
                partners: [UZ, XX]
                value: {amount: 5, currency: DOLLAR}
            """)
        let yamlMessages = Set(yaml.map(\.message))
        #expect(csv.count == 4)
        for problem in csv {
            #expect(yamlMessages.contains(problem.message), "\(problem)")
        }
        #expect(csv.contains { $0.message.hasPrefix("unknown sector code 'enrgy'; did you mean 'energy'?") })
    }
}
