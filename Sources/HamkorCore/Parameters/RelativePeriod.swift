import Foundation
import HamkorLocalization

/// A period named relative to when a job fires: `previous-month`, `previous-quarter`,
/// `previous-year`, `year-to-date`. Resolved with the day it is "today" in a time zone, so a
/// job at 00:30 on 1 April in Tashkent (19:30 on 31 March in UTC) reports the first quarter.
public enum RelativePeriod: String, CaseIterable, Sendable {
    case previousMonth = "previous-month"
    case previousQuarter = "previous-quarter"
    case previousYear = "previous-year"
    case yearToDate = "year-to-date"

    /// The period for the day `instant` falls on in `timeZone`.
    public func resolve(at instant: Date, in timeZone: TimeZone) -> ReportPeriod {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month], from: instant)
        let year = parts.year!, month = parts.month!
        switch self {
        case .previousMonth: return ReportPeriod(ReportPeriod.Unit.month(year, month).previous)
        case .previousQuarter: return ReportPeriod(ReportPeriod.Unit.quarter(year, (month - 1) / 3 + 1).previous)
        case .previousYear: return ReportPeriod(.year(year - 1))
        case .yearToDate: return ReportPeriod(from: .month(year, 1), through: .month(year, month))!
        }
    }

    /// The relative names, for messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
