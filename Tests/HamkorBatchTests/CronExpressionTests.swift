import Foundation
import Testing
@testable import HamkorBatch

@Suite struct CronExpressionTests {
    let utc = TimeZone(identifier: "UTC")!

    func next(_ expression: String, after text: String, _ zone: String = "UTC", count: Int = 1) throws -> [String] {
        let cron = try CronExpression(parsing: expression)
        let zoneValue = TimeZone(identifier: zone)!
        return cron.nextFireTimes(after: date(text, zone), count: count, in: zoneValue).map { Timestamp.iso8601($0, in: zoneValue) }
    }

    @Test func everyFifteenMinutes() throws {
        #expect(try next("*/15 * * * *", after: "2026-11-26 07:07", count: 4) == [
            "2026-11-26T07:15:00+00:00", "2026-11-26T07:30:00+00:00", "2026-11-26T07:45:00+00:00", "2026-11-26T08:00:00+00:00",
        ])
    }

    @Test func strictlyAfter() throws {
        #expect(try next("0 7 * * *", after: "2026-11-26 07:00") == ["2026-11-27T07:00:00+00:00"])
        #expect(try next("0 7 * * *", after: "2026-11-26 06:59:59") == ["2026-11-26T07:00:00+00:00"])
    }

    @Test func rangesListsAndSteps() throws {
        #expect(try next("0 1-5 * * *", after: "2026-11-26 03:30", count: 3) == [
            "2026-11-26T04:00:00+00:00", "2026-11-26T05:00:00+00:00", "2026-11-27T01:00:00+00:00",
        ])
        #expect(try next("10-50/20 9 * * *", after: "2026-11-26 00:00", count: 4) == [
            "2026-11-26T09:10:00+00:00", "2026-11-26T09:30:00+00:00", "2026-11-26T09:50:00+00:00", "2026-11-27T09:10:00+00:00",
        ])
        #expect(try next("0 0 1,15 * *", after: "2026-11-26 00:00", count: 2) == [
            "2026-12-01T00:00:00+00:00", "2026-12-15T00:00:00+00:00",
        ])
        #expect(try next("0 0 1 jan-mar/2 *", after: "2026-11-26 00:00", count: 2) == [
            "2027-01-01T00:00:00+00:00", "2027-03-01T00:00:00+00:00",
        ])
    }

    @Test func weekdaysByNameAndNumber() throws {
        // 2026-11-27 is a Friday.
        #expect(try next("0 9 * * MON-FRI", after: "2026-11-27 10:00", count: 2) == [
            "2026-11-30T09:00:00+00:00", "2026-12-01T09:00:00+00:00",
        ])
        #expect(try next("0 9 * * 7", after: "2026-11-27 10:00") == ["2026-11-29T09:00:00+00:00"])
        #expect(try next("0 9 * * 0", after: "2026-11-27 10:00") == ["2026-11-29T09:00:00+00:00"])
        #expect(try next("0 9 * * 5-7", after: "2026-11-27 10:00", count: 2) == [
            "2026-11-28T09:00:00+00:00", "2026-11-29T09:00:00+00:00",
        ])
    }

    @Test func dayOfMonthOrDayOfWeekWhenBothRestricted() throws {
        // The 13th, or any Friday (Vixie semantics): Fri 27 Nov, then Fri 4 Dec, ... Sun 13 Dec.
        #expect(try next("0 0 13 * FRI", after: "2026-11-26 12:00", count: 4) == [
            "2026-11-27T00:00:00+00:00", "2026-12-04T00:00:00+00:00", "2026-12-11T00:00:00+00:00", "2026-12-13T00:00:00+00:00",
        ])
        // With a star in day-of-month, only the weekday counts.
        #expect(try next("0 0 */1 * FRI", after: "2026-11-26 12:00") == ["2026-11-27T00:00:00+00:00"])
    }

    @Test func mondayMorningInTashkent() throws {
        // 2026-11-26 is a Thursday; Tashkent is UTC+5 all year.
        #expect(try next("0 7 * * MON", after: "2026-11-26 12:00", "Asia/Tashkent", count: 2) == [
            "2026-11-30T07:00:00+05:00", "2026-12-07T07:00:00+05:00",
        ])
    }

    @Test func springForwardGapFiresAtTheFirstValidInstant() throws {
        // In Berlin, 2026-03-29 02:00 CET jumps to 03:00 CEST: 02:30 does not exist.
        let berlin = "Europe/Berlin"
        #expect(try next("30 2 * * *", after: "2026-03-28 12:00", berlin, count: 3) == [
            "2026-03-29T03:00:00+02:00", "2026-03-30T02:30:00+02:00", "2026-03-31T02:30:00+02:00",
        ])
        let gap = try CronExpression(parsing: "30 2 * * *")
            .nextFireTime(after: date("2026-03-28 12:00", berlin), in: TimeZone(identifier: berlin)!)
        #expect(iso(gap, "UTC") == "2026-03-29T01:00:00+00:00")
        // Several skipped wall times collapse into one run.
        #expect(try next("*/20 2 * * *", after: "2026-03-29 00:00", berlin, count: 2) == [
            "2026-03-29T03:00:00+02:00", "2026-03-30T02:00:00+02:00",
        ])
    }

    @Test func fallBackRepeatedHourFiresOnce() throws {
        // 2026-10-25 03:00 CEST goes back to 02:00 CET: 02:30 happens twice.
        let berlin = "Europe/Berlin"
        #expect(try next("30 2 * * *", after: "2026-10-24 12:00", berlin, count: 2) == [
            "2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00",
        ])
        #expect(try next("0,30 * * * *", after: "2026-10-25 01:45", berlin, count: 5) == [
            "2026-10-25T02:00:00+02:00", "2026-10-25T02:30:00+02:00", "2026-10-25T03:00:00+01:00",
            "2026-10-25T03:30:00+01:00", "2026-10-25T04:00:00+01:00",
        ])
    }

    @Test func thirtyFirstSkipsShortMonths() throws {
        #expect(try next("0 0 31 * *", after: "2026-03-31 00:00", count: 3) == [
            "2026-05-31T00:00:00+00:00", "2026-07-31T00:00:00+00:00", "2026-08-31T00:00:00+00:00",
        ])
    }

    @Test func february29thWaitsForALeapYear() throws {
        #expect(try next("0 0 29 2 *", after: "2026-01-01 00:00", count: 2) == [
            "2028-02-29T00:00:00+00:00", "2032-02-29T00:00:00+00:00",
        ])
        #expect(try next("0 0 29 2 *", after: "2097-01-01 00:00") == ["2104-02-29T00:00:00+00:00"])
        #expect(try CronExpression(parsing: "0 0 30 2 *").nextFireTime(after: Date(), in: utc) == nil)
    }

    @Test func macros() throws {
        #expect(try next("@daily", after: "2026-11-26 07:00") == ["2026-11-27T00:00:00+00:00"])
        #expect(try next("@hourly", after: "2026-11-26 07:00") == ["2026-11-26T08:00:00+00:00"])
    }

    @Test(arguments: [
        ("0 7 * *", 7, "expected 5 fields (minute hour day-of-month month day-of-week), found 4"),
        ("0 0 7 * * *", 10, "expected 5 fields (minute hour day-of-month month day-of-week), found 6; seconds and years are not supported"),
        ("60 * * * *", 0, "minute: 60 is out of range; use 0-59"),
        ("0 24 * * *", 2, "hour: 24 is out of range; use 0-23"),
        ("0 0 0 * *", 4, "day-of-month: 0 is out of range; use 1-31"),
        ("0 0 * 13 *", 6, "month: 13 is out of range; use 1-12 or JAN-DEC"),
        ("0 0 * * MOM", 8, "day-of-week: 'MOM' is not a valid day-of-week; did you mean 'MON'? (use 0-7 (0 and 7 are Sunday) or SUN-SAT)"),
        ("*/0 * * * *", 2, "minute: step '/0' must be a whole number of at least 1"),
        ("5-1 * * * *", 0, "minute: range 5-1 runs backwards; write it from low to high (ranges do not wrap)"),
        ("1,,2 * * * *", 2, "minute: empty list item; remove the extra ','"),
        ("@every", 0, "unknown macro '@every'; use one of @annually, @daily, @hourly, @midnight, @monthly, @weekly, @yearly or five fields"),
    ])
    func parseErrorsNameTheFieldAndColumn(expression: String, offset: Int, message: String) {
        #expect {
            _ = try CronExpression(parsing: expression)
        } throws: { error in
            guard let error = error as? CronError else { return false }
            let full = (error.field.map { "\($0): " } ?? "") + error.message
            return error.offset == offset && full == message
        }
    }
}
