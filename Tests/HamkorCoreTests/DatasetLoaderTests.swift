import Foundation
import Testing
@testable import HamkorCore
import HamkorLocalization

@Suite struct DatasetLoaderTests {
    @Test func yamlLoadsEveryKindOfRecordExactly() throws {
        let dataset = try TestSupport.loader.load([TestSupport.fixture("valid.yaml")])
        #expect(dataset.projects.map(\.id) == ["p1", "p2"])
        let p1 = try #require(dataset.projects.first)
        #expect(p1.value == Money(amount: Decimal(string: "1500000.50")!, currency: "USD"))
        #expect(p1.name.exact(.russian) == "Солнечная станция")
        #expect(p1.name.exact(.azerbaijani) == nil)
        #expect(p1.status == .agreed && p1.startYear == 2024 && p1.partners == ["UZ", "AZ"])
        #expect(p1.location.line == 9)
        #expect(dataset.agreements.first?.signed == CivilDate(year: 2024, month: 8, day: 23))
        #expect(dataset.twinCities.first.map { [$0.first, $0.second] } == ["UZ-TK", "AZ-BA"])
        #expect(dataset.exchangeRates.first?.rate == Decimal(string: "0.00008"))
        #expect(dataset.info.partners == ["UZ", "AZ"])
    }

    /// Files are read in parallel, but the dataset and every problem come out in file order, as
    /// if they had been read one after another; a file's problems do not stop the next file.
    @Test func manyFilesMergeAndReportInFileOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hamkor-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = "id,name,sector,status,value,currency\n"
        for file in 0..<9 {
            var rows = (0..<50).map { "p\(file)-\($0),Project \($0),energy,agreed,\($0 + 1)00,USD\n" }
            if file % 4 == 1 { rows[7] = "p\(file)-bad,Broken,spaceflight,agreed,5,USD\n" }
            if file == 6 { rows[3] = "p2-10,Again,energy,agreed,5,USD\n" }
            try Data((header + rows.joined()).utf8).write(to: folder.appendingPathComponent("part-\(file).csv"))
        }
        let found = TestSupport.problems(loading: [folder])
        #expect(found.map { URL(fileURLWithPath: $0.location.file).lastPathComponent + ":\($0.location.line)" }
                == ["part-1.csv:9", "part-5.csv:9", "part-6.csv:5"], "\(found)")
        #expect(found.last?.message.contains("duplicate id 'p2-10' (first used at") == true)
        for file in 0..<9 { try FileManager.default.removeItem(at: folder.appendingPathComponent("part-\(file).csv")) }
        for file in 0..<9 {
            let rows = (0..<50).map { "p\(file)-\($0),Project \($0),energy,agreed,\($0 + 1)00,USD\n" }
            try Data((header + rows.joined()).utf8).write(to: folder.appendingPathComponent("part-\(file).csv"))
        }
        let dataset = try TestSupport.loader.load([folder])
        #expect(dataset.projects.map(\.id) == (0..<9).flatMap { file in (0..<50).map { "p\(file)-\($0)" } })
        #expect(dataset.files.map { URL(fileURLWithPath: $0).lastPathComponent } == (0..<9).map { "part-\($0).csv" })
    }

    @Test func jsonUsesTheSameSchema() throws {
        let dataset = try TestSupport.loader.load([TestSupport.fixture("valid.json")])
        #expect(dataset.projects.first?.name.exact(.azerbaijani) == "Mis mədəni")
        #expect(dataset.projects.first?.value?.amount == 250_000_000)
        #expect(dataset.agreements.first?.level == .interagency)
    }

    @Test func csvWithCommasQuotesAndCRLF() throws {
        let dataset = try TestSupport.loader.load([TestSupport.fixture("projects-comma.csv")])
        #expect(dataset.projects.count == 2)
        #expect(dataset.projects[0].name.exact(.russian) == "Хлопковый кластер, Бухара")
        #expect(dataset.projects[0].partners == ["UZ", "AZ"])
        #expect(dataset.projects[0].illustrative)
        #expect(dataset.projects[1].name.english == "Plant \"Azot\"")
        #expect(dataset.projects[1].value?.amount == Decimal(string: "80000000.25"))
        #expect(dataset.projects[1].location.line == 3)
    }

    @Test func csvWithBOMAndSemicolons() throws {
        let dataset = try TestSupport.loader.load([TestSupport.fixture("projects-semicolon-bom.csv")])
        #expect(dataset.projects.map(\.id) == ["d1", "d2"])
        #expect(dataset.projects[1].name.english == "Data centre; phase 1")
        #expect(dataset.projects[1].value == Money(amount: Decimal(string: "2000.5")!, currency: "AZN"))
    }

    @Test func filesAndFoldersMerge() throws {
        let dataset = try TestSupport.loader.load([TestSupport.fixture("valid.yaml"), TestSupport.fixture("valid.json"),
                                                    TestSupport.fixture("projects-comma.csv")])
        #expect(dataset.projects.map(\.id) == ["p1", "p2", "j1", "c1", "c2"])
        #expect(dataset.files.count == 3)
        let sample = try TestSupport.engine.loadDataset([])
        #expect(sample.info.isSample)
        #expect(sample.totalValueByCurrency["USD"]! > 2_000_000_000)
    }

    @Test func missingPathIsNotFound() {
        #expect(throws: DataError.self) { try TestSupport.loader.load([TestSupport.fixture("nope.yaml")]) }
        do { _ = try TestSupport.loader.load([TestSupport.fixture("nope.yaml")]) } catch let error as DataError {
            #expect(error.exitCode == 66)
        } catch { Issue.record("\(error)") }
    }

    /// The CSV reader's `name.TAG` columns come from the language profile: one per language.
    @Test func csvNameColumnsFollowTheLanguageProfile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hamkor-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = (["id"] + LanguageTag.allCases.map { "name.\($0.tag)" } + ["sector", "status"]).joined(separator: ",")
        let row = (["p1"] + LanguageTag.allCases.map { "Name \($0.tag)" } + ["energy", "agreed"]).joined(separator: ",")
        let url = folder.appendingPathComponent("projects.csv")
        try (header + "\n" + row + "\n").write(to: url, atomically: true, encoding: .utf8)
        let project = try #require(try TestSupport.loader.load([url]).projects.first)
        for language in LanguageTag.allCases { #expect(project.name.exact(language) == "Name \(language.tag)") }
        try "id,name.en,name.de,sector,status\np1,X,Y,energy,agreed\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(TestSupport.problems(loading: [url]).contains { $0.description.contains("name.de") })
    }

    @Test func csvReaderIsStrict() throws {
        #expect(try CSVTableReader().parse("a,b\r\n1,\"x\ny\"\r\n").map(\.fields) == [["a", "b"], ["1", "x\ny"]])
        #expect(throws: CSVTableReader.SyntaxError(line: 2, column: 3, message: "unterminated quoted field (the quote opened here is never closed)")) {
            try CSVTableReader().parse("a,b\n1,\"open\n")
        }
        #expect(throws: CSVTableReader.SyntaxError.self) { try CSVTableReader().parse("a,b\n1,x\"y\"\n") }
        #expect(throws: CSVTableReader.SyntaxError.self) { try CSVTableReader().parse("a\n\"q\"x\n") }
        #expect(CSVTableReader.detectDelimiter(in: "a;b;\"c,d\"\n1,2") == ";")
    }

    /// Records reach the caller one by one, in order, each with its own fields (the reader reuses
    /// its field buffer), and the ones before a syntax error arrive before the error is thrown.
    @Test func csvReaderStreamsRecordsUpToASyntaxError() throws {
        var seen: [CSVTableReader.Record] = []
        try CSVTableReader().parse("a,b\n\n1,\"x\ny\"\r\n2,three words\n") { seen.append($0) }
        #expect(seen.map(\.fields) == [["a", "b"], ["1", "x\ny"], ["2", "three words"]])
        #expect(seen.map(\.line) == [1, 3, 5])

        var before: [[String]] = []
        #expect(throws: CSVTableReader.SyntaxError(line: 3, column: 4, message: "text after a closing quote; put the delimiter right after the quote")) {
            try CSVTableReader().parse("a,b\n1,2\n\"q\"x,4\n5,6\n") { before.append($0.fields) }
        }
        #expect(before == [["a", "b"], ["1", "2"]])
    }

    /// The sample's projects as a CSV project table, every name column filled where the sample has text.
    static func projectsAsCSV(_ projects: ProjectColumns) -> String {
        func field(_ text: String?) -> String { "\"" + (text ?? "").replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let languages = LanguageTag.allCases
        var lines = [(["id"] + languages.map { "name.\($0.tag)" }
            + ["partners", "sector", "status", "value", "currency", "places", "startYear", "endYear", "source", "illustrative"]).joined(separator: ",")]
        for project in projects {
            let names = languages.map { field(project.name.exact($0)) }
            let rest: [String?] = [project.partners.joined(separator: "|"), project.sector, project.status.rawValue,
                                   project.value.map { "\($0.amount)" }, project.value?.currency, project.places.joined(separator: "|"),
                                   project.startYear.map(String.init), project.endYear.map(String.init), project.source,
                                   project.illustrative ? "true" : "false"]
            lines.append(([field(project.id)] + names + rest.map(field)).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A load that keeps only some languages' texts (a projection) builds every bundled report
    /// exactly as a full load does, in every language, whether the projects come from YAML (the
    /// sample) or from CSV (the column filler); its names answer in the kept languages only.
    @Test func aProjectedLoadBuildsTheSameReportsInEveryLanguage() throws {
        let full = try TestSupport.engine.loadDataset([])
        let csv = Self.projectsAsCSV(full.projects)
        func readCSV(_ languages: Set<LanguageTag>?) -> ProjectColumns {
            let problems = ProblemList()
            let context = DatasetReadContext(vocabulary: TestSupport.vocabulary, languages: languages)
            let part = CSVDatasetReader().read(text: csv, file: "projects.csv", context: context, problems: problems)
            #expect(problems.isEmpty, "\(problems.problems)")
            return part.projects
        }
        let fullCSV = readCSV(nil)
        #expect(fullCSV.count == full.projects.count && fullCSV.map(\.name) == full.projects.map(\.name))
        #expect(full.projects.contains { $0.name.values.count > 2 }, "the sample has names in several languages")
        for language in LanguageTag.allCases {
            let projected = try TestSupport.engine.loadDataset([], languages: [language])
            let projectedCSV = readCSV([language])
            for (columns, reference) in [(projected.projects, full.projects), (projectedCSV, fullCSV)] {
                #expect(columns.languages == LanguageTag.allCases.filter { $0 == language || $0 == .english })
                for row in columns.indices {
                    for other in LanguageTag.allCases {
                        let kept = other == language || other == .english
                        #expect(columns.name(at: row, in: other) == (kept ? reference.name(at: row, in: other) : nil))
                    }
                }
            }
            var fromCSV = full, projectedFromCSV = projected
            fromCSV.projects = fullCSV
            projectedFromCSV.projects = projectedCSV
            for (dataset, reference) in [(projected, full), (projectedFromCSV, fromCSV)] {
                for report in ["portfolio", "briefing", "agreements", "twin-cities", "trade"] {
                    func build(_ dataset: Dataset) throws -> String {
                        String(reflecting: try TestSupport.engine.document(report: report, dataset: dataset, language: language,
                                                                           generatedAt: TestSupport.fixedDate))
                    }
                    #expect(try build(dataset) == build(reference), "\(report) \(language.tag)")
                }
            }
        }
    }
}
