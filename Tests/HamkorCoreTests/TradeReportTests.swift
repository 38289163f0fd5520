import Foundation
import Testing
@testable import HamkorCore
import HamkorLocalization

/// The `trade` report and the parameterised briefing against a hand computation of
/// `Reports/sample-data/trade.yaml` (each chapter's yearly value in USD million, split 22/24/26/28 %
/// over the quarters):
///
/// | 2024 exports | 52: 20, 08: 12, 87: 11, 61: 10, 07: 7, 31: 6, 74: 6 | 72 |
/// | 2024 imports | 27: 19, 39: 16, 29: 5, 20: 4, 84: 4, 73: 3, 15: 3  | 54 |
/// | turnover     | 2021: 75, 2022: 93, 2023: 109, 2024: 126, 2025: 136 |    |
@Suite struct TradeReportTests {
    let engine = TestSupport.engine
    let sample = try! TestSupport.engine.loadDataset([])

    func document(_ id: String, _ given: [String: String], _ language: LanguageTag = .english, dataset: Dataset? = nil) throws -> ReportDocument {
        let data = dataset ?? sample
        let parameters = try engine.parameters(for: id, given: given.sorted { $0.key < $1.key }.map { .init(name: $0.key, value: $0.value) },
                                               dataset: data)
        return try engine.document(report: id, dataset: data, language: language, strict: true, parameters: parameters,
                                   generatedAt: TestSupport.fixedDate)
    }

    func table(_ document: ReportDocument, _ id: String) throws -> TableBlock {
        try #require(document.tables.first { $0.id == id })
    }

    static func million(_ n: Decimal) -> CellValue { .money(Money(amount: n * 1_000_000, currency: "USD")) }

    @Test func keyFiguresOf2024() throws {
        let document = try document("trade", ["period": "2024"])
        let figures = Dictionary(uniqueKeysWithValues: document.keyFigures.map { ($0.id, $0.value) })
        #expect(figures["turnover"] == Self.million(126))
        #expect(figures["exports"] == Self.million(72))
        #expect(figures["imports"] == Self.million(54))
        #expect(figures["balance"] == Self.million(18))
        // 126 / 109 − 1 = 0.155963… → 15.6 %
        #expect(figures["growth"] == .percent(Decimal(string: "0.156")!))
        #expect(document.title == "Trade with Azerbaijan")
        #expect(document.subtitle == "2024")
    }

    @Test func growthByYearAndAQuarterOnTheSameQuarterAYearEarlier() throws {
        let all = try table(try document("trade", [:]), "by-year")
        #expect(all.rows.map { $0[1] } == [75, 93, 109, 126, 136].map { Self.million($0) })
        // 93/75−1 = 24.0 %, 109/93−1 = 17.2 %, 126/109−1 = 15.6 %, 136/126−1 = 7.9 %; 2021 has no 2020.
        #expect(all.rows.map { $0[5] } == [.empty] + ["0.24", "0.172", "0.156", "0.079"].map { .percent(Decimal(string: $0)!) })
        #expect(all.notes.contains { $0.contains("—") })
        #expect(all.total?.cells[1] == .sum(Self.million(539)))
        // Q3 2024 turnover: 26 % of 126 = 32.76; Q3 2023: 26 % of 109 = 28.34; growth 15.6 %.
        let q3 = try document("trade", ["period": "2024-Q3"])
        #expect(q3.keyFigures.first { $0.id == "turnover" }?.value == Self.million(Decimal(string: "32.76")!))
        #expect(q3.keyFigures.first { $0.id == "growth" }?.value == .percent(Decimal(string: "0.156")!))
    }

    @Test func lineChartOfExportsAndImportsHasTwoNamedSeriesFromTheYearTable() throws {
        for language in [LanguageTag.english, .russian] {
            let document = try document("trade", [:], language)
            let chart = try #require(document.charts.first { $0.id == "exports-imports-by-year" })
            let byYear = try table(document, "by-year")
            #expect(chart.kind == .line)
            #expect(chart.categories == ["2021", "2022", "2023", "2024", "2025"])
            #expect(chart.series.map(\.name) == [byYear.columns[2].header, byYear.columns[3].header])
            #expect(chart.series.map(\.values) == [[44, 53, 64, 72, 80], [31, 40, 45, 54, 56]].map { $0.map { Decimal($0) * 1_000_000 } })
            #expect(chart.source == ChartSource(tableID: "by-year", categoryColumn: 0, valueColumns: [2, 3]))
            #expect(chart.valueAxisTitle.isEmpty)  // the legend names the series
        }
        let russian = try document("trade", [:], .russian).charts.first { $0.id == "exports-imports-by-year" }
        #expect(russian?.title == "Экспорт и импорт по годам")
        #expect(russian?.series.map(\.name) == ["Экспорт", "Импорт"])
    }

    @Test func sectionsAndTopTenChaptersWithShares() throws {
        let document = try document("trade", ["period": "2024"])
        let sections = try table(document, "by-section")
        let codes = { (t: TableBlock) in t.rows.map { row -> String in if case .coded(let code, _) = row[0] { code } else { "" } } }
        #expect(codes(sections) == ["XI", "V", "II", "VII", "VI", "XVII", "XV", "XVI", "IV", "III"])
        #expect(sections.rows.map { $0[1] } == [30, 19, 19, 16, 11, 11, 9, 4, 4, 3].map { Self.million($0) })
        #expect(sections.total?.cells[1] == .sum(Self.million(126)))
        #expect(sections.total?.cells[2] == .sum(Self.million(72)))
        #expect(sections.total?.cells[3] == .sum(Self.million(54)))

        let top = try table(document, "top-chapters")
        #expect(codes(top) == ["52", "27", "39", "08", "87", "61", "07", "74", "31", "29", "other"])
        #expect(top.rows.map { $0[1] } == [20, 19, 16, 12, 11, 10, 7, 6, 6, 5, 14].map { Self.million($0) })
        // Exact shares 15.873, 15.079, 12.698, 9.524, 8.730, 7.937, 5.556, 4.762, 4.762, 3.968, 11.111 %:
        // rounded one by one they add up to 100.1 %; largest remainder gives 100.0 %.
        let shares = top.rows.map { $0[2].numericValue! * 100 }
        #expect(shares == ["15.9", "15.1", "12.7", "9.5", "8.7", "7.9", "5.6", "4.8", "4.8", "4.0", "11.1"].map { Decimal(string: $0)! })
        #expect(top.total?.cells[2] == .sum(.percent(1)))
    }

    @Test func mirrorTableIsLeftOutWithoutMirrorData() throws {
        #expect(try document("trade", ["period": "2024"]).tables.allSatisfy { $0.id != "mirror" })
    }

    @Test func partnerNamesInTheirGrammaticalForm() throws {
        #expect(try document("trade", ["period": "2025-Q2"], .russian).title == "Торговля с Азербайджаном")
        #expect(try document("trade", ["period": "2025-Q2"], .russian).subtitle == "II квартал 2025 года")
        #expect(try document("trade", ["period": "2025-Q2"], .azerbaijani).title == "Azərbaycanla ticarət")
        #expect(try document("trade", ["period": "2025-Q2"], .uzbekLatin).title == "Ozarbayjon bilan savdo")
    }

    @Test func briefingOpensWithTheEventsOfThePeriod() throws {
        let q3 = try document("briefing", ["period": "2024-Q3"])
        guard case .paragraph(let opening)? = q3.blocks.first else { Issue.record("no opening paragraph"); return }
        // The date range is ICU's ("August 22 – 23, 2024"); then the place and the titles, state visit first.
        #expect(opening.contains("22") && opening.contains("23 August 2024, Tashkent: State visit of the President"), "\(opening)")
        #expect(opening.hasSuffix("First meeting of the Supreme Interstate Council between Uzbekistan and Azerbaijan."))
        let ru = try document("briefing", ["period": "2024-Q3"], .russian)
        guard case .paragraph(let russian)? = ru.blocks.first else { Issue.record("no opening paragraph"); return }
        #expect(russian.hasPrefix("22") && russian.contains("августа 2024") && russian.contains(", Ташкент: Государственный визит"), "\(russian)")
    }

    @Test func briefingOf2023HasNoVisitAndNoEmptySection() throws {
        let document = try document("briefing", ["period": "2023"])
        let text = document.blocks.map { "\($0)" }.joined(separator: "\n")
        #expect(!text.contains("August 2024"))
        #expect(!text.contains("documents were signed"))
        #expect(document.tables.allSatisfy { !$0.rows.isEmpty })
        // Projects running in 2023 and the year's trade; no agreement was signed in 2023.
        #expect(document.tables.map(\.id) == ["sectors", "trade-by-year"])
        for (index, block) in document.blocks.enumerated() {
            if case .heading = block {
                #expect(index + 1 < document.blocks.count)
                if index + 1 < document.blocks.count, case .heading = document.blocks[index + 1] { Issue.record("empty section before block \(index + 1)") }
            }
        }
    }

    @Test func theBriefingDefinitionHoldsNoSentenceAboutADate() throws {
        let file = try String(contentsOf: TestSupport.resources.definitions.appendingPathComponent("briefing.yaml"), encoding: .utf8)
        let text = file.split(separator: "\n").map { $0.split(separator: "#", maxSplits: 1).first ?? "" }.joined(separator: "\n")
        #expect(text.range(of: #"\b(19|20)\d\d\b"#, options: .regularExpression) == nil)
        #expect(!text.contains("August"))
    }

    @Test func badParametersAreLocatedWithTheirExitCodes() throws {
        func error(_ given: [ParameterResolver.Given]) -> ParameterError? {
            do { _ = try engine.parameters(for: "trade", given: given, dataset: sample); return nil } catch let e as ParameterError { return e } catch { return nil }
        }
        #expect(error([.init(name: "bogus", value: "1")])?.exitCode == 64)
        #expect(error([.init(name: "period", value: "2025-Q5")])?.message.contains("is not a period") == true)
        #expect(error([.init(name: "partner", value: "FR")])?.message.contains("no records with FR") == true)
        #expect(error([.init(name: "partner", value: "Azerbaijan")])?.exitCode == 64)
        let located = error([.init(name: "period", value: "soon", location: SourceLocation(file: "jobs.yaml", line: 7, column: 30))])
        #expect(located?.exitCode == 65)
        #expect(located?.description.hasPrefix("jobs.yaml:7:30: error: period: ") == true)
    }
}

/// A clearly synthetic second partner renders every bundled report in every language without a
/// word about Azerbaijan.
@Suite struct SecondPartnerTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/synthetic-partner.yaml")

    @Test func everyReportInEveryLanguageNamesOnlyTheDataPartner() throws {
        let engine = TestSupport.engine
        let dataset = try engine.loadDataset([Self.fixture])
        let forbidden = ["Azerbaijan", "Azərbaycan", "Ozarbayjon", "Озарбайжон", "Азербайджан", "Baku", "Bakı"]
        for report in engine.definitions.keys.sorted() {
            for language in LanguageTag.allCases {
                let document = try engine.document(report: report, dataset: dataset, language: language, strict: true,
                                                   generatedAt: TestSupport.fixedDate)
                let text = "\(document)"
                for word in forbidden { #expect(!text.contains(word), "\(report) \(language.tag) mentions \(word)") }
                #expect(!document.blocks.isEmpty)
            }
        }
        let trade = try engine.document(report: "trade", dataset: dataset, language: .russian, strict: true, generatedAt: TestSupport.fixedDate)
        #expect(trade.title == "Торговля с Казахстаном")
        #expect(trade.tables.contains { $0.id == "mirror" })
    }
}
