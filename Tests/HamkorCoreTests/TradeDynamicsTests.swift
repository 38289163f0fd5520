import Foundation
import Testing
@testable import HamkorCore
import HamkorLocalization

/// Grouping by half, quarter and month, growth on the same unit a year earlier, `cagr(f)`, the
/// pivot's growth column and sentences chosen by sign, against a hand computation of the bundled
/// sample (quarters are 22/24/26/28 % of each year):
///
/// | turnover | 2021: 75 | 2022: 93 | 2023: 109 | 2024: 126 | 2025: 136 |
/// | exports  |          |          | 2023: 64  | 2024: 72  | 2025: 80  |
/// | imports  |          |          | 2023: 45  | 2024: 54  | 2025: 56  |
///
/// The fixture definition `Fixtures/definitions-dynamics/trade-dynamics.yaml` groups by quarter,
/// takes `cagr` by section and pivots flows by half-year with a growth column.
@Suite struct TradeDynamicsTests {
    static let engine = try! ReportEngine(resources: TestSupport.resources,
                                          extraDefinitionFolders: [TestSupport.fixture("definitions-dynamics")])
    let sample = try! TestSupport.engine.loadDataset([])

    func document(_ id: String, _ given: [String: String], _ language: LanguageTag = .english,
                  dataset: Dataset? = nil) throws -> ReportDocument {
        let data = dataset ?? sample
        let parameters = try Self.engine.parameters(for: id, given: given.map { .init(name: $0.key, value: $0.value) }, dataset: data)
        return try Self.engine.document(report: id, dataset: data, language: language, parameters: parameters,
                                        generatedAt: TestSupport.fixedDate)
    }

    func table(_ document: ReportDocument, _ id: String) throws -> TableBlock {
        try #require(document.tables.first { $0.id == id })
    }

    static func million(_ n: String) -> CellValue { .money(Money(amount: Decimal(string: n)! * 1_000_000, currency: "USD")) }
    static func percent(_ n: String) -> CellValue { .percent(Decimal(string: n)!) }
    static func code(_ cell: CellValue) -> String { if case .coded(let code, _) = cell { code } else { "" } }
    static func label(_ cell: CellValue) -> String { if case .coded(_, let label) = cell { label } else { "" } }

    /// The sample with only one chapter's rows: chapter 27 falls from 19 to 18 in 2025, chapter 73
    /// stays at 3 from 2022 to 2023, chapter 31 falls from 7 to 6 in 2024.
    func onlyChapter(_ chapter: String) -> Dataset {
        var dataset = sample
        dataset.trade = dataset.trade.filter { $0.chapter == chapter }
        return dataset
    }

    @Test func quartersInTimeOrderWithGrowthOnTheSameQuarterAYearEarlier() throws {
        let document = try document("trade-dynamics", ["period": "2024-Q2..2025-Q1"])
        let quarters = try table(document, "by-quarter")
        #expect(quarters.rows.map { Self.code($0[0]) } == ["2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"])
        #expect(quarters.rows.map { Self.label($0[0]) } == ["Q2 2024", "Q3 2024", "Q4 2024", "Q1 2025"])
        // Q2 2024: 24 % of 126 = 30.24; Q2 2023: 24 % of 109 = 26.16; change 4.08, growth 126/109 − 1 = 15.6 %.
        // Q1 2025: 22 % of 136 = 29.92; Q1 2024: 22 % of 126 = 27.72; change 2.2, growth 136/126 − 1 = 7.9 %.
        #expect(quarters.rows.map { $0[1] } == ["30.24", "32.76", "35.28", "29.92"].map(Self.million))
        #expect(quarters.rows.map { $0[2] } == ["4.08", "4.42", "4.76", "2.2"].map(Self.million))
        #expect(quarters.rows.map { $0[3] } == ["0.156", "0.156", "0.156", "0.079"].map(Self.percent))
        #expect(quarters.notes.isEmpty)

        let russian = try table(try self.document("trade-dynamics", ["period": "2024-Q3"], .russian), "by-quarter")
        #expect(russian.rows.map { Self.label($0[0]) } == ["III квартал 2024 года"])
        // The first quarters of the data have nothing a year earlier: "—" and the note.
        let all = try table(try self.document("trade-dynamics", [:]), "by-quarter")
        #expect(all.rows.count == 20 && all.rows.prefix(4).allSatisfy { $0[3] == .empty })
        #expect(all.notes.contains { $0.hasPrefix("—") })
    }

    @Test func recordsGroupByTheMonthOfTheirDate() throws {
        let months = try table(try document("trade-dynamics", ["period": "2024"]), "agreements-by-month")
        #expect(months.rows.map { Self.code($0[0]) } == ["2024-08"])
        #expect(months.rows.map { Self.label($0[0]) } == ["August 2024"])
        #expect(months.rows.first?[1] == .integer(sample.agreements.filter { $0.signed?.year == 2024 }.count))
    }

    @Test func averageAnnualGrowthOverARangeOfYears() throws {
        let document = try document("trade-dynamics", ["period": "2021..2025"])
        // (136 / 75)^(1/4) − 1 = 0.1604…
        #expect(document.keyFigures.first { $0.id == "cagr" }?.value == Self.percent("0.16"))
        #expect(document.blocks.contains { $0 == .paragraph("Over 2021–2025, trade turnover grew by 16.0% a year on average.") })
        let sections = try table(document, "by-section")
        let cagr = Dictionary(uniqueKeysWithValues: sections.rows.map { (Self.code($0[0]), $0[2]) })
        #expect(cagr["XI"] == Self.percent("0.133"))    // chapters 52 + 61: 20 → 33, 1.65^(1/4) − 1
        #expect(cagr["V"] == Self.percent("0.107"))     // chapter 27: 12 → 18, 1.5^(1/4) − 1
        #expect(cagr["XVII"] == Self.percent("0.414"))  // chapter 87: 3 → 12, 4^(1/4) − 1
        #expect(sections.total?.cells[2] == .value(Self.percent("0.16")))
        #expect(sections.notes.isEmpty)
        // Two years apart by quarters: Q2 2023 = 26.16, Q2 2025 = 32.64; (32.64 / 26.16)^(1/2) − 1 = 0.117.
        let quarters = try self.document("trade-dynamics", ["period": "2023-Q2..2025-Q2"])
        #expect(quarters.keyFigures.first { $0.id == "cagr" }?.value == Self.percent("0.117"))
    }

    @Test func averageAnnualGrowthWithoutARangeIsANoteNotACrash() throws {
        for period in ["2024", "2024-Q3..2025-Q2", "all"] {
            let document = try document("trade-dynamics", ["period": period])
            // A figure the data cannot give is left out of the key figures, not shown blank.
            #expect(!document.keyFigures.contains { $0.id == "cagr" }, "\(period)")
            #expect(!document.blocks.contains { if case .paragraph(let text) = $0 { text.contains("a year on average") } else { false } })
            let sections = try table(document, "by-section")
            #expect(sections.rows.allSatisfy { $0[2] == .empty })
            #expect(sections.notes.contains { $0.contains("average annual growth rate that cannot be computed") })
            #expect(sections.total?.cells[2] == TotalCell.none)
        }
    }

    @Test func averageAnnualGrowthAtItsEdges() throws {
        let builder = ReportBuilder(dataset: sample, vocabulary: TestSupport.vocabulary, locale: Self.engine.locale(for: .english),
                                    generatedAt: TestSupport.fixedDate)
        let aggregate = Aggregate(context: try BuildContext(builder: builder, definition: Self.engine.definition("trade-dynamics")))
        func usd(_ amount: Decimal) -> [(currency: String, amount: Decimal)] { [("USD", amount)] }
        #expect(aggregate.cagr(first: usd(100), last: usd(121), years: 2) == Self.percent("0.1"))
        #expect(aggregate.cagr(first: usd(100), last: usd(0), years: 2) == Self.percent("-1"))
        #expect(aggregate.cagr(first: usd(100), last: [], years: 3) == Self.percent("-1"))  // nothing at the end
        #expect(aggregate.cagr(first: usd(0), last: usd(50), years: 2) == nil)     // no rate grows zero
        #expect(aggregate.cagr(first: [], last: usd(50), years: 2) == nil)         // no start
        #expect(aggregate.cagr(first: usd(-20), last: usd(50), years: 2) == nil)   // a negative balance at the start
        #expect(aggregate.cagr(first: usd(20), last: usd(-5), years: 2) == nil)    // no real root
        #expect(aggregate.cagr(first: usd(20), last: [("AZN", 30)], years: 2) == nil)
        #expect(aggregate.cagr(first: usd(20), last: usd(30), years: 0) == nil)
    }

    @Test func pivotGrowthColumnComparesTheLastColumnWithAYearEarlier() throws {
        let document = try TradeReportTests().document("trade", ["period": "2024"])
        let pivot = try table(document, "sections-by-year")
        #expect(pivot.columns.map(\.id) == ["section", "2024", "total", "growth"])
        // Spreadsheets write live row totals into the total column, not the growth column after it.
        #expect(pivot.pivot == PivotLayout(columnField: "year", measure: "turnover", valueColumns: 1..<2, totalColumn: 2))
        #expect(pivot.columns.last?.header == "Growth on a year earlier")
        let growth = Dictionary(uniqueKeysWithValues: pivot.rows.map { (Self.code($0[0]), $0[3]) })
        #expect(growth["XI"] == Self.percent("0.111"))   // 52 + 61: 27 → 30
        #expect(growth["III"] == Self.percent("0.5"))    // 15: 2 → 3
        #expect(growth["VI"] == Self.percent("0"))       // 29 + 31: 11 → 11
        #expect(growth["XVII"] == Self.percent("0.375")) // 87: 8 → 11
        #expect(pivot.total?.cells == [.label, .sum(Self.million("126")), .sum(Self.million("126")), .value(Self.percent("0.156"))])
        #expect(pivot.notes == ["Growth on a year earlier is given for the last column (2024)."])
        // CSV data writes the cells long: the growth column is not one of them.
        #expect(pivot.longForm.rows.count == 10 && pivot.longForm.columns.map(\.id) == ["section", "year", "turnover"])
        // Over every year, the last column is 2025: 136 / 126 − 1.
        let all = try table(try TradeReportTests().document("trade", [:]), "sections-by-year")
        #expect(all.total?.cells.last == .value(Self.percent("0.079")))
    }

    @Test func tradePivotRowAndColumnTotalsEqualAHandComputation() throws {
        let pivot = try table(try TradeReportTests().document("trade", [:]), "sections-by-year")
        #expect(pivot.columns.map(\.id) == ["section", "2021", "2022", "2023", "2024", "2025", "total", "growth"])
        let rows = Dictionary(uniqueKeysWithValues: pivot.rows.map { (Self.code($0[0]), Array($0.dropFirst())) })
        // XI = chapters 52 + 61: 14+6, 16+7, 18+9, 20+10, 21+12 → 20, 23, 27, 30, 33; total 133; 33/30 − 1.
        #expect(rows["XI"] == ["20", "23", "27", "30", "33", "133"].map(Self.million) + [Self.percent("0.1")])
        // V = chapter 27: 12, 15, 17, 19, 18; total 81; 18/19 − 1 = −5.3 %.
        #expect(rows["V"] == ["12", "15", "17", "19", "18", "81"].map(Self.million) + [Self.percent("-0.053")])
        // The total row: turnover by year and in all, as the trade-by-year table has it.
        #expect(pivot.total?.cells == [.label] + ["75", "93", "109", "126", "136", "539"].map { .sum(Self.million($0)) }
                + [.value(Self.percent("0.079"))])
        #expect(pivot.rows.count == 10)
    }

    @Test func pivotColumnCutShortIsComparedWithTheSameStretchAYearEarlier() throws {
        let pivot = try table(try document("trade-dynamics", ["period": "2024-Q2..2025-Q1"]), "flows-by-half")
        #expect(pivot.columns.map(\.id) == ["flow", "2024-H1", "2024-H2", "2025-H1", "total", "growth"])
        #expect(pivot.columns.map(\.header).dropFirst().prefix(3) == ["H1 2024", "H2 2024", "H1 2025"])
        // H1 2025 holds Q1 2025 only (exports 17.6, imports 12.32); a year earlier, Q1 2024
        // (exports 15.84, imports 11.88): 11.1 %, 3.7 %, together 29.92 / 27.72 − 1 = 7.9 %.
        let rows = Dictionary(uniqueKeysWithValues: pivot.rows.map { (Self.code($0[0]), $0) })
        #expect(rows["export"]?[3] == Self.million("17.6") && rows["export"]?[5] == Self.percent("0.111"))
        #expect(rows["import"]?[3] == Self.million("12.32") && rows["import"]?[5] == Self.percent("0.037"))
        #expect(pivot.total?.cells.last == .value(Self.percent("0.079")))
        #expect(pivot.notes == ["Growth on a year earlier is given for the last column (H1 2025)."])
    }

    @Test func sentencesChooseTheirVerbByTheSign() throws {
        func paragraphs(_ document: ReportDocument) -> [String] {
            document.blocks.compactMap { if case .paragraph(let text) = $0 { text } else { nil } }
        }
        let rise = paragraphs(try TradeReportTests().document("trade", ["period": "2024"]))
        #expect(rise.contains("Compared with the same period a year earlier, trade turnover grew by 15.6%."))
        // Chapter 27 alone: 19 → 18 in 2025, −5.3 %, written without its minus sign.
        let fall = try TradeReportTests().document("trade", ["period": "2025"], dataset: onlyChapter("27"))
        #expect(paragraphs(fall).contains("Compared with the same period a year earlier, trade turnover fell by 5.3%."))
        let fallRU = paragraphs(try TradeReportTests().document("trade", ["period": "2025"], .russian, dataset: onlyChapter("27")))
        #expect(fallRU.contains { $0.hasPrefix("По сравнению с тем же периодом годом ранее товарооборот сократился на 5,3") && !$0.contains("-") })
        let fallUZ = paragraphs(try TradeReportTests().document("trade", ["period": "2025"], .uzbekLatin, dataset: onlyChapter("27")))
        #expect(fallUZ.contains { $0.contains("kamaydi") && !$0.contains("oshdi") })
        let same = paragraphs(try TradeReportTests().document("trade", ["period": "2023"], dataset: onlyChapter("73")))
        #expect(same.contains("Trade turnover was unchanged on the same period a year earlier."))
        // Chapter 31 over 2023–2024: 7 → 6, a year apart: −14.3 %.
        let cagrFall = paragraphs(try TradeReportTests().document("trade", ["period": "2023..2024"], dataset: onlyChapter("31")))
        #expect(cagrFall.contains("Over 2023–2024, trade turnover fell by 14.3% a year on average."))
        // A range of years has no "a year earlier": no growth sentence, the average instead.
        let range = paragraphs(try TradeReportTests().document("trade", ["period": "2021..2025"]))
        #expect(!range.contains { $0.contains("Compared with") })
        #expect(range.contains("Over 2021–2025, trade turnover grew by 16.0% a year on average."))
    }

    @Test func dynamicsDefinitionErrorsAreLocated() throws {
        let url = TestSupport.fixture("definitions-bad/dynamics.yaml")
        do {
            _ = try ReportDefinitionLoader(vocabulary: TestSupport.vocabulary).load(url)
            Issue.record("expected errors")
        } catch DataError.invalid(let problems) {
            let text = problems.map(\.description).joined(separator: "\n")
            #expect(text.contains("\(url.path):11:45: error: sections[0].table.columns[1].value: cagr(turnover) is the average annual growth over the table's whole period; in a table grouped by year use growth(turnover)"))
            #expect(text.contains("sections[1].table.pivot.growth: a growth column compares periods, so the columns must be year, half, quarter or month, not 'section'"))
            #expect(text.contains("sections[2].table.pivot.columns: rows and columns are both 'flow'"))
            #expect(text.contains("sections[2].table.pivot.value: a pivot's cells are count or sum(field), not growth(turnover)"))
            #expect(text.contains("sections[3].paragraph.falling: is required with signBy:"))
            #expect(text.contains("sections[4].paragraph.signBy: names 'total', which is sum(turnover); the sign of change(f), growth(f) or cagr(f) chooses a sentence"))
            #expect(text.contains("sections[5].paragraph.falling: needs signBy:"))
            #expect(text.contains("sections[6].table.pivot.rows: 'commodity' is not a field of trade"))
        }
    }
}
