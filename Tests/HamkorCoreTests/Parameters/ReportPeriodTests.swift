import Foundation
import Testing
@testable import HamkorCore
import HamkorLocalization

/// Periods as written, their days, and relative periods at calendar boundaries with an injected clock.
@Suite struct ReportPeriodTests {
    @Test func parsesEveryShape() throws {
        #expect(try ReportPeriod(parsing: "2025").start == CivilDate(year: 2025, month: 1, day: 1))
        #expect(try ReportPeriod(parsing: "2025-H2").start == CivilDate(year: 2025, month: 7, day: 1))
        #expect(try ReportPeriod(parsing: "2025-Q2").end == CivilDate(year: 2025, month: 6, day: 30))
        #expect(try ReportPeriod(parsing: "2024-02").end == CivilDate(year: 2024, month: 2, day: 29))
        let range = try ReportPeriod(parsing: "2024-Q3..2025-Q2")
        #expect(range.start == CivilDate(year: 2024, month: 7, day: 1) && range.end == CivilDate(year: 2025, month: 6, day: 30))
        #expect(range.code == "2024-Q3..2025-Q2")
        #expect(try ReportPeriod(parsing: "2021..2024").years == 2021...2024)
        #expect(try ReportPeriod(parsing: "2025-Q2").yearEarlier.code == "2024-Q2")
    }

    @Test func unitsContainShorterOnesAndSpanWholeYears() throws {
        let day = CivilDate(year: 2024, month: 8, day: 23)!
        #expect(ReportPeriod.Granularity.half.unit(containing: day).code == "2024-H2")
        #expect(ReportPeriod.Granularity.quarter.unit(containing: day).code == "2024-Q3")
        #expect(ReportPeriod.Granularity.month.unit(containing: day).code == "2024-08")
        let month = try #require(ReportPeriod.Unit(code: "2024-11"))
        #expect(month.unit(.quarter)?.code == "2024-Q4" && month.unit(.half)?.code == "2024-H2" && month.unit(.year)?.code == "2024")
        #expect(ReportPeriod.Unit(code: "2024")?.unit(.quarter) == nil)  // a yearly row has no quarter
        #expect(ReportPeriod.Unit(code: "2024-Q1")?.unit(.month) == nil)
        // Whole years from the first unit to the last, for average annual growth.
        #expect(try ReportPeriod(parsing: "2021..2025").wholeYears == 4)
        #expect(try ReportPeriod(parsing: "2023-Q2..2025-Q2").wholeYears == 2)
        #expect(try ReportPeriod(parsing: "2024-06..2025-06").wholeYears == 1)
        for text in ["2025", "2024-Q3..2025-Q2", "2024-Q2..2025-Q3", "2024-H1..2024-H2", "2024..2024"] {
            #expect(try ReportPeriod(parsing: text).wholeYears == nil, "\(text)")
        }
        #expect(try ReportPeriod(parsing: "2024-Q3..2025-Q2").monthCount == 12)
        #expect(try ReportPeriod(parsing: "2021..2025").monthCount == 60)
        #expect(try ReportPeriod(parsing: "2024-02").monthCount == 1)
    }

    @Test(arguments: ["2025-Q5", "2025-H3", "2025-13", "25", "2025-6", "2025..", "Q2 2025", "2025-Q2..2024", ""])
    func refusesMalformedPeriods(_ text: String) {
        #expect(throws: PeriodError.self) { try ReportPeriod(parsing: text) }
    }

    /// An instant given as a UTC wall time.
    func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
        Date(timeIntervalSince1970: TimeInterval(CivilDate.daysSince1970(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60))
    }

    let utcZone = TimeZone(identifier: "UTC")!
    let tashkent = TimeZone(identifier: "Asia/Tashkent")!

    @Test func firstOfJanuaryLooksBackIntoThePreviousYear() {
        let now = utc(2026, 1, 1, 6)
        #expect(RelativePeriod.previousMonth.resolve(at: now, in: utcZone).code == "2025-12")
        #expect(RelativePeriod.previousQuarter.resolve(at: now, in: utcZone).code == "2025-Q4")
        #expect(RelativePeriod.previousYear.resolve(at: now, in: utcZone).code == "2025")
        #expect(RelativePeriod.yearToDate.resolve(at: now, in: utcZone).code == "2026-01")
    }

    @Test func aQuartersFirstDayReportsTheQuarterBefore() {
        #expect(RelativePeriod.previousQuarter.resolve(at: utc(2025, 4, 1), in: utcZone).code == "2025-Q1")
        #expect(RelativePeriod.previousQuarter.resolve(at: utc(2025, 3, 31, 23, 59), in: utcZone).code == "2024-Q4")
        #expect(RelativePeriod.previousQuarter.resolve(at: utc(2025, 10, 1), in: utcZone).code == "2025-Q3")
    }

    @Test func leapDay() throws {
        let now = utc(2024, 2, 29, 12)
        #expect(RelativePeriod.previousMonth.resolve(at: now, in: utcZone).code == "2024-01")
        let ytd = RelativePeriod.yearToDate.resolve(at: now, in: utcZone)
        #expect(ytd.end == CivilDate(year: 2024, month: 2, day: 29))
        #expect(try ReportPeriod(parsing: "2024-02").contains(CivilDate(year: 2024, month: 2, day: 29)!))
    }

    @Test func theJobsTimeZoneAheadOfUTCDecidesTheDay() {
        // 19:30 UTC on 31 March is 00:30 on 1 April in Tashkent (UTC+5).
        let now = utc(2025, 3, 31, 19, 30)
        #expect(RelativePeriod.previousQuarter.resolve(at: now, in: tashkent).code == "2025-Q1")
        #expect(RelativePeriod.previousQuarter.resolve(at: now, in: utcZone).code == "2024-Q4")
        #expect(RelativePeriod.previousMonth.resolve(at: utc(2025, 12, 31, 20), in: tashkent).code == "2025-12")
        #expect(RelativePeriod.previousYear.resolve(at: utc(2025, 12, 31, 20), in: tashkent).code == "2025")
    }

    @Test func periodsAreWrittenInEachLanguage() throws {
        func name(_ text: String, _ language: LanguageTag) throws -> String {
            try PeriodNames(locale: TestSupport.engine.locale(for: language, strict: true)).name(ReportPeriod(parsing: text))
        }
        #expect(try name("2025-Q2", .russian) == "II квартал 2025 года")
        #expect(try name("2025-Q2", .uzbekLatin) == "2025-yil II chorak")
        #expect(try name("2025-Q2", .azerbaijani) == "2025-ci ilin II rübü")
        #expect(try name("2024-Q3", .azerbaijani) == "2024-cü ilin III rübü")
        #expect(try name("2025-Q2", .english) == "Q2 2025")
        #expect(try name("2025-Q2", .uzbekCyrillic) == "2025 йил II чорак")
        #expect(try name("2021..2024", .russian) == "2021–2024 годы")
        #expect(try name("2021..2030", .azerbaijani) == "2021–2030-cu illər")
        #expect(try name("2024-Q3..2025-Q2", .english) == "Q3 2024 – Q2 2025")
        #expect(try name("2025-06", .russian) == "июнь 2025 года")
        #expect(try name("2025-H1", .uzbekLatin) == "2025-yilning I yarim yilligi")
    }
}
