import Foundation

/// A five-field cron schedule (minute hour day-of-month month day-of-week) with Vixie semantics.
///
/// Fields take `*`, values, ranges `1-5`, lists `1,15`, steps `*/15` and `10-50/20`; months take
/// `JAN`–`DEC` and weekdays `SUN`–`SAT` (0 and 7 are Sunday). When both day-of-month and
/// day-of-week are restricted (neither starts with `*`), a day matching either fires.
/// The macros `@hourly`, `@daily`, `@midnight`, `@weekly`, `@monthly`, `@yearly` and
/// `@annually` are accepted too.
///
/// Times are wall-clock times in a zone: see ``nextFireTime(after:in:)`` for daylight saving.
public struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    /// The expression as written.
    public let source: String
    let minutes: [Int]
    let hours: [Int]
    let daysOfMonth: Set<Int>
    let months: Set<Int>
    let daysOfWeek: Set<Int>
    let dayOfMonthStar: Bool
    let dayOfWeekStar: Bool

    private static let macros = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
        "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]

    /// Parses an expression.
    ///
    /// - Throws: ``CronError`` naming the field and the character offset of the problem.
    public init(parsing source: String) throws(CronError) {
        self.source = source
        var text = source
        if source.trimmingCharacters(in: .whitespaces).hasPrefix("@") {
            let name = source.trimmingCharacters(in: .whitespaces).lowercased()
            guard let expansion = Self.macros[name] else {
                throw CronError(expression: source, offset: 0, field: nil,
                                message: "unknown macro '\(name)'; use one of \(Self.macros.keys.sorted().joined(separator: ", ")) or five fields")
            }
            text = expansion
        }
        // Split on blanks, remembering where each field starts.
        var fields: [(text: Substring, start: Int)] = []
        var index = text.startIndex, offset = 0
        while index < text.endIndex {
            if text[index] == " " || text[index] == "\t" {
                index = text.index(after: index); offset += 1
                continue
            }
            let start = index, startOffset = offset
            while index < text.endIndex, text[index] != " ", text[index] != "\t" {
                index = text.index(after: index); offset += 1
            }
            fields.append((text[start..<index], startOffset))
        }
        guard fields.count == 5 else {
            let extra = fields.count == 6 ? "; seconds and years are not supported" : ""
            throw CronError(expression: source, offset: fields.count > 5 ? fields[5].start : text.count, field: nil,
                            message: "expected 5 fields (minute hour day-of-month month day-of-week), found \(fields.count)\(extra)")
        }
        let parsed = try Self.parseFields(fields, expression: source)
        minutes = parsed[0].values.sorted()
        hours = parsed[1].values.sorted()
        daysOfMonth = parsed[2].values
        months = parsed[3].values
        daysOfWeek = parsed[4].values
        dayOfMonthStar = parsed[2].star
        dayOfWeekStar = parsed[4].star
    }

    private static func parseFields(_ fields: [(text: Substring, start: Int)], expression: String) throws(CronError) -> [(values: Set<Int>, star: Bool)] {
        var parsed: [(values: Set<Int>, star: Bool)] = []
        for (field, spec) in zip(fields, CronField.all) {
            parsed.append(try spec.parse(field.text, start: field.start, expression: expression))
        }
        return parsed
    }

    public var description: String { source }

    /// Whether the schedule fires on a civil day (`weekday` 0 = Sunday).
    func matchesDay(month: Int, day: Int, weekday: Int) -> Bool {
        guard months.contains(month) else { return false }
        let domMatch = daysOfMonth.contains(day)
        let dowMatch = daysOfWeek.contains(weekday)
        if dayOfMonthStar || dayOfWeekStar { return domMatch && dowMatch }
        return domMatch || dowMatch
    }

    /// The first fire time strictly after `date`, reading the fields as wall-clock time in `zone`.
    ///
    /// A wall time that does not exist (skipped when clocks go forward) fires at the first valid
    /// instant after it, the moment of the change; a wall time that occurs twice (when clocks go
    /// back) fires once, at its first occurrence. Days a month lacks are skipped (`0 0 31 * *`
    /// fires only in 31-day months; `0 0 29 2 *` only in leap years). Returns `nil` when the
    /// schedule can never fire (such as `0 0 30 2 *`).
    public func nextFireTime(after date: Date, in zone: TimeZone) -> Date? {
        let start = CivilCalendar.wallTime(of: date, in: zone).day - 1
        // Nine years covers the longest gap between February 29ths (e.g. 2096 → 2104).
        for day in start...(start + 9 * 366) {
            let civil = CivilCalendar.date(days: day)
            guard matchesDay(month: civil.month, day: civil.day, weekday: CivilCalendar.weekday(days: day)) else { continue }
            for hour in hours {
                for minute in minutes {
                    let instant = CivilCalendar.instant(day: day, hour: hour, minute: minute, in: zone)
                    if instant > date { return instant }
                }
            }
        }
        return nil
    }

    /// The next `count` fire times after `date` in `zone`, in order (fewer if the schedule ends).
    public func nextFireTimes(after date: Date, count: Int, in zone: TimeZone) -> [Date] {
        var times: [Date] = []
        var cursor = date
        while times.count < count, let next = nextFireTime(after: cursor, in: zone) {
            times.append(next)
            cursor = next
        }
        return times
    }
}
