import Foundation
import Testing
@testable import HamkorCore
import HamkorLocalization

/// Report figures against a hand computation of the bundled sample, and the same numbers in every language.
@Suite struct ReportBuilderTests {
    let engine = TestSupport.engine
    let sample = try! TestSupport.engine.loadDataset([])

    func document(_ id: String, _ language: LanguageTag = .english) throws -> ReportDocument {
        try engine.document(report: id, dataset: sample, language: language, generatedAt: TestSupport.fixedDate)
    }

    func table(_ document: ReportDocument, _ id: String) throws -> TableBlock {
        try #require(document.tables.first { $0.id == id })
    }

    @Test func portfolioSectorTotalsAndSharesMatchAHandComputation() throws {
        let table = try table(try document("portfolio"), "by-sector")
        let codes = table.rows.map { row -> String in if case .coded(let code, _) = row[0] { code } else { "" } }
        #expect(codes == ["energy", "chemicals", "mining", "textiles", "agriculture", "transport", "digital"])
        let values = table.rows.map { $0[2].numericValue! }
        #expect(values == [930_000_000, 430_000_000, 280_000_000, 210_000_000, 140_000_000, 90_000_000, 20_000_000])
        #expect(table.rows.map { $0[1] } == [3, 2, 2, 3, 3, 1, 1].map { CellValue.integer($0) })
        // Exact shares 44.286, 20.476, 13.333, 10.000, 6.667, 4.286, 0.952 %: each rounded on its
        // own, they add up to 100.1 %; the total still reads 100 % and a note says why.
        let shares = table.rows.map { $0[3].numericValue! * 100 }
        #expect(shares == [Decimal(string: "44.3")!, Decimal(string: "20.5")!, Decimal(string: "13.3")!, 10,
                           Decimal(string: "6.7")!, Decimal(string: "4.3")!, 1])
        #expect(table.total?.cells[2] == .sum(.money(Money(amount: 2_100_000_000, currency: "USD"))))
        #expect(table.total?.cells[3] == .sum(.percent(1)))
        #expect(table.notes.contains { $0.contains("rounded") })
        #expect(table.total?.cells[0] == .label)
    }

    @Test func agreementsCountsByAreaAndLevel() throws {
        let document = try document("agreements")
        let byLevel = try table(document, "by-level")
        let levels = byLevel.rows.map { row -> String in if case .coded(let code, _) = row[0] { code } else { "" } }
        #expect(levels == ["intergovernmental", "interagency", "memorandum", "regional"])
        #expect(byLevel.rows.map { $0[1] } == [6, 5, 4, 3].map { CellValue.integer($0) })
        let byArea = try table(document, "by-area")
        #expect(byArea.rows.count == 15)
        #expect(byArea.rows.first?[1] == .integer(3))  // regional ties first
        #expect(byArea.total?.cells[1] == .sum(.integer(18)))
        // Equal counts, equal shares: thirteen areas with one document each all show 5.6 %.
        let single = byArea.rows.filter { $0[1] == .integer(1) }.map { $0[2].numericValue! }
        #expect(single.count == 13 && Set(single) == [Decimal(string: "0.056")!])
        #expect(byArea.total?.cells[2] == .sum(.percent(1)))
        #expect(byArea.notes.count == 1)
        #expect(document.keyFigures.map(\.value) == [.integer(18), .integer(15), .integer(6)])
    }

    @Test func everyReportBuildsInEveryLanguageWithIdenticalNumbers() throws {
        for id in engine.definitions.keys.sorted() {
            let english = try document(id)
            for language in LanguageTag.allCases {
                let other = try document(id, language)
                #expect(other.language == language)
                #expect(other.tables.count == english.tables.count)
                for (a, b) in zip(english.tables, other.tables) {
                    // The same rows; rows tied on the sort key may stand in another order, each
                    // language's collation ordering ties by their text.
                    let numbers = { (table: TableBlock) in table.rows.map { $0.map { $0.numericValue.map { "\($0)" } ?? "-" }.joined(separator: " ") }.sorted() }
                    #expect(numbers(a) == numbers(b), "\(id)/\(a.id) in \(language)")
                    #expect(a.columns.map(\.id) == b.columns.map(\.id))
                    #expect(a.total?.cells.count == b.total?.cells.count)
                }
                #expect(english.keyFigures.map(\.value.numericValue) == other.keyFigures.map(\.value.numericValue))
                #expect(english.charts.map { $0.series.map(\.values) } == other.charts.map { $0.series.map(\.values) })
                #expect(other.isSampleData)
            }
        }
    }

    @Test func russianDocumentIsTranslated() throws {
        let document = try document("portfolio", .russian)
        let table = try table(document, "by-sector")
        #expect(table.columns.map(\.header).allSatisfy { !$0.isEmpty })
        if case .coded(_, let label) = table.rows[0][0] { #expect(label != "Energy") }
        #expect(document.labels.languageName == "русский")
    }

    @Test func aReportDefinedOnlyInYAMLBuilds() throws {
        let definition = try ReportDefinitionLoader(vocabulary: TestSupport.vocabulary)
            .load(TestSupport.fixture("definitions/agreements-by-year.yaml"))
        let dataset = try TestSupport.loader.load([TestSupport.fixture("valid.yaml"), TestSupport.fixture("valid.json")])
        let locale = engine.locale(for: .english)
        let document = try ReportBuilder(dataset: dataset, vocabulary: TestSupport.vocabulary, locale: locale,
                                         generatedAt: TestSupport.fixedDate).build(definition)
        let byYear = try #require(document.tables.first)
        #expect(byYear.rows.map { $0[0] } == [.year(2023), .year(2024)])
        #expect(byYear.rows.map { $0[1] } == [.integer(1), .integer(2)])
        #expect(byYear.rows.map { $0[2] } == [.percent(Decimal(string: "0.333")!), .percent(Decimal(string: "0.667")!)])
        #expect(document.keyFigures.first?.value == .integer(3))
    }

    @Test func badDefinitionsGetLocatedErrors() throws {
        let url = TestSupport.fixture("definitions-bad/broken.yaml")
        do {
            _ = try ReportDefinitionLoader(vocabulary: TestSupport.vocabulary).load(url)
            Issue.record("expected errors")
        } catch DataError.invalid(let problems) {
            let text = problems.map(\.description).joined(separator: "\n")
            #expect(text.contains("\(url.path):9:7: error: sections[0].table.colums: unknown field 'colums'; did you mean 'columns'?"))
            #expect(text.contains("sections[0].table.columns[1].value: unknown measure 'median(value)'"))
            #expect(text.contains("sections[1].table.columns[0].field: 'budget' is not a field of projects"))
            #expect(text.contains("sections[2].chart.value: 'nothing' is not a column of table 't'"))
            #expect(text.contains("sections[3].chart.values: a column chart shows one column; several (one line each) need kind: line"))
            #expect(text.contains("sections[4].chart: give either value (one column) or values (a list of columns), not both"))
            #expect(text.contains("sections[5].chart.kind: unknown chart kind 'area' (known: bar, column, line, pie)"))
            #expect(text.contains("sections[6].chart.values: 'nothing' is not a column of table 't'"))
            #expect(text.contains("sections[7].chart.value: is required (or values: a list of columns, for a line chart)"))
        }
    }

    @Test func moneyInUnconvertibleCurrenciesIsKeptApart() throws {
        let dataset = try TestSupport.loader.load([TestSupport.fixture("valid.yaml"), TestSupport.fixture("projects-semicolon-bom.csv")])
        let document = try engine.document(report: "portfolio", dataset: dataset, language: .english, generatedAt: TestSupport.fixedDate)
        let bySector = try table(document, "by-sector")
        let currencies = bySector.rows.compactMap { row -> String? in if case .money(let m) = row[2] { m.currency } else { nil } }
        #expect(Set(currencies) == ["USD", "AZN"])
        #expect(bySector.notes.contains { $0.contains("AZN") })
        #expect(bySector.total?.cells[2] == TotalCell.none)  // never adds USD and AZN
        #expect(document.keyFigures.filter { $0.id.hasPrefix("total-value") }.count == 2)
    }

    @Test func ratesFromTheDataConvert() throws {
        let converter = CurrencyConverter(target: "USD", rates: [ExchangeRate(from: "UZS", to: "USD", rate: Decimal(string: "0.00008")!,
                                                                                date: nil, location: SourceLocation(file: "x"))])
        #expect(converter.convert(Money(amount: 1_000_000, currency: "UZS")) == Money(amount: 80, currency: "USD"))
        #expect(converter.convert(Money(amount: 5, currency: "AZN")) == Money(amount: 5, currency: "AZN"))
    }

    @Test func equalValuesGetEqualSharesAndSayWhenTheyDoNotAddUp() {
        let thirds = RoundedShares(of: [1, 1, 1])
        #expect(thirds.values == [Decimal(string: "0.333")!, Decimal(string: "0.333")!, Decimal(string: "0.333")!])
        #expect(!thirds.addUp)
        let halves = RoundedShares(of: [1, 1])
        #expect(halves.values == [Decimal(string: "0.5")!, Decimal(string: "0.5")!] && halves.addUp)
        #expect(RoundedShares(of: [0, 0]).values == [0, 0])
        // Half a tenth rounds away from zero: 1/16 = 6.25 % → 6.3 %.
        #expect(RoundedShares(of: [1, 15]).values[0] == Decimal(string: "0.063")!)
    }

    @Test func theRoundingNoteIsTranslatedInEveryLanguage() throws {
        for language in LanguageTag.allCases where language != .english {
            let notes = try table(try document("agreements", language), "by-area").notes
            let english = try table(try document("agreements"), "by-area").notes
            #expect(notes.count == 1 && notes != english, "\(language)")
        }
    }

    /// Ties in a sorted table follow the report language's collation, not the English code.
    @Test func tiesFollowTheLanguagesCollation() throws {
        for language in LanguageTag.allCases {
            let locale = engine.locale(for: language)
            let byArea = try table(try document("agreements", language), "by-area")
            let tied = byArea.rows.filter { $0[1] == .integer(1) }.map { row -> String in
                if case .coded(_, let label) = row[0] { label } else { "" }
            }
            #expect(tied == locale.sorted(tied), "\(language): \(tied)")
        }
    }
}
