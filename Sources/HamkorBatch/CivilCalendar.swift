import Foundation
import HamkorLocalization

/// Proleptic Gregorian date arithmetic and wall-clock ↔ instant conversion in a time zone.
///
/// Hand-written (after Howard Hinnant's civil-date algorithms) so that cron matching and file
/// name dates are exact, locale-free and thread-safe; only `TimeZone.secondsFromGMT(for:)`
/// is asked about the zone's rules.
enum CivilCalendar {
    /// Days since 1970-01-01 of a civil date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        CivilDate.daysSince1970(year: year, month: month, day: day)
    }

    /// The civil date of a day number (days since 1970-01-01).
    static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        CivilDate.civil(daysSince1970: days)
    }

    /// The weekday of a day number, 0 = Sunday … 6 = Saturday.
    static func weekday(days: Int) -> Int {
        let value = (days + 4) % 7  // 1970-01-01 was a Thursday
        return value < 0 ? value + 7 : value
    }

    /// Whole seconds since 1970 of `date`, rounded down.
    static func seconds(_ date: Date) -> Int {
        Int(date.timeIntervalSince1970.rounded(.down))
    }

    /// The wall-clock time of an instant in a zone.
    static func wallTime(of date: Date, in zone: TimeZone) -> WallTime {
        let local = seconds(date) + zone.secondsFromGMT(for: date)
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let rest = local - day * 86_400
        let civil = Self.date(days: day)
        return WallTime(day: day, year: civil.year, month: civil.month, dayOfMonth: civil.day,
                        hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60,
                        offsetSeconds: zone.secondsFromGMT(for: date))
    }

    /// The instant a wall-clock time stands for in a zone.
    ///
    /// A time that occurs twice (the repeated hour when clocks go back) gives its first
    /// occurrence; a time that never occurs (the hour skipped when clocks go forward) gives the
    /// first valid instant after it — the moment of the transition.
    static func instant(day: Int, hour: Int, minute: Int, in zone: TimeZone) -> Date {
        let naive = day * 86_400 + hour * 3600 + minute * 60
        let offsetBefore = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive - 86_400)))
        let offsetAfter = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive + 86_400)))
        let candidates = Set([naive - offsetBefore, naive - offsetAfter]).sorted()
        for candidate in candidates
        where zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(candidate))) == naive - candidate {
            return Date(timeIntervalSince1970: TimeInterval(candidate))
        }
        // In a gap: find the transition between the two candidates by bisection.
        guard let low0 = candidates.first, let high0 = candidates.last, low0 < high0 else {
            return Date(timeIntervalSince1970: TimeInterval(naive - offsetAfter))
        }
        let offsetLow = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(low0)))
        var low = low0, high = high0  // offset(low) == offsetLow; offset(high) differs
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(middle))) == offsetLow {
                low = middle
            } else {
                high = middle
            }
        }
        return Date(timeIntervalSince1970: TimeInterval(high))
    }
}

/// A wall-clock reading in some zone.
struct WallTime: Sendable, Equatable {
    var day: Int
    var year: Int
    var month: Int
    var dayOfMonth: Int
    var hour: Int
    var minute: Int
    var second: Int
    var offsetSeconds: Int

    private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    private var yearText: String {
        let text = String(abs(year))
        return (year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    /// `2026-11-26`
    var dateText: String { "\(yearText)-\(two(month))-\(two(dayOfMonth))" }
    /// `2026-11-26T0700`, safe in file names.
    var fileDateTimeText: String { "\(dateText)T\(two(hour))\(two(minute))" }
    /// `2026-11-26T07:00:00+05:00`
    var iso8601: String {
        let sign = offsetSeconds < 0 ? "-" : "+"
        let offset = abs(offsetSeconds)
        return "\(dateText)T\(two(hour)):\(two(minute)):\(two(second))\(sign)\(two(offset / 3600)):\(two(offset % 3600 / 60))"
    }
}

/// ISO 8601 timestamps with the zone's offset, as manifests and `schedule --next` print them.
public enum Timestamp {
    /// `date` as `2026-11-26T07:00:00+05:00` in `zone` (whole seconds).
    public static func iso8601(_ date: Date, in zone: TimeZone) -> String {
        CivilCalendar.wallTime(of: date, in: zone).iso8601
    }

    /// The instant of a timestamp written by ``iso8601(_:in:)`` (or any ISO 8601 date-time
    /// with an offset); `nil` for anything else.
    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
