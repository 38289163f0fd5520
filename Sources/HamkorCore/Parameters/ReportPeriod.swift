import Foundation
import HamkorLocalization

/// A reporting period: a year, half, quarter or month, or a range of them (`2021..2024`,
/// `2024-Q3..2025-Q2`). Records fall in a period by their own dates.
public struct ReportPeriod: Sendable, Hashable, CustomStringConvertible {
    /// One calendar unit of a period.
    public enum Unit: Sendable, Hashable {
        case year(Int)
        case half(Int, Int)
        case quarter(Int, Int)
        case month(Int, Int)

        /// The year the unit lies in.
        public var year: Int {
            switch self {
            case .year(let y), .half(let y, _), .quarter(let y, _), .month(let y, _): y
            }
        }

        /// First and last month (1–12) of the unit.
        var months: ClosedRange<Int> {
            switch self {
            case .year: 1...12
            case .half(_, let h): (h - 1) * 6 + 1...h * 6
            case .quarter(_, let q): (q - 1) * 3 + 1...q * 3
            case .month(_, let m): m...m
            }
        }

        /// The written form (`2025`, `2025-H1`, `2025-Q2`, `2025-06`).
        public var code: String {
            switch self {
            case .year(let y): String(y)
            case .half(let y, let h): "\(y)-H\(h)"
            case .quarter(let y, let q): "\(y)-Q\(q)"
            case .month(let y, let m): String(format: "%04d-%02d", y, m)
            }
        }

        /// The same unit one year earlier.
        public var yearEarlier: Unit {
            switch self {
            case .year(let y): .year(y - 1)
            case .half(let y, let h): .half(y - 1, h)
            case .quarter(let y, let q): .quarter(y - 1, q)
            case .month(let y, let m): .month(y - 1, m)
            }
        }

        /// The unit just before this one (`2025-Q1` → `2024-Q4`).
        public var previous: Unit {
            switch self {
            case .year(let y): .year(y - 1)
            case .half(let y, let h): h == 1 ? .half(y - 1, 2) : .half(y, 1)
            case .quarter(let y, let q): q == 1 ? .quarter(y - 1, 4) : .quarter(y, q - 1)
            case .month(let y, let m): m == 1 ? .month(y - 1, 12) : .month(y, m - 1)
            }
        }

        /// Parses one unit; `nil` for any other shape.
        public init?(code text: String) {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard let first = parts.first, first.count == 4, first.utf8.allSatisfy({ (48...57).contains($0) }),
                  let year = Int(first), (1...9999).contains(year) else { return nil }
            if parts.count == 1 { self = .year(year); return }
            guard parts.count == 2 else { return nil }
            let rest = parts[1]
            func number(_ s: Substring) -> Int? { s.utf8.allSatisfy({ (48...57).contains($0) }) && !s.isEmpty ? Int(s) : nil }
            if rest.hasPrefix("H"), let h = number(rest.dropFirst()), rest.count == 2, (1...2).contains(h) { self = .half(year, h); return }
            if rest.hasPrefix("Q"), let q = number(rest.dropFirst()), rest.count == 2, (1...4).contains(q) { self = .quarter(year, q); return }
            if rest.count == 2, let m = number(Substring(rest)), (1...12).contains(m) { self = .month(year, m); return }
            return nil
        }

        /// First and last day of the unit.
        public var start: CivilDate { CivilDate(year: year, month: months.lowerBound, day: 1)! }
        public var end: CivilDate {
            CivilDate(year: year, month: months.upperBound, day: CivilDate.daysIn(month: months.upperBound, year: year))!
        }
    }

    /// The first unit, and the last (the same unit for a single period).
    public let first: Unit
    public let last: Unit

    public init(_ unit: Unit) { first = unit; last = unit }

    /// A range; `nil` when `last` ends before `first` starts.
    public init?(from first: Unit, through last: Unit) {
        guard first.start <= last.end else { return nil }
        self.first = first
        self.last = last
    }

    /// Parses `2025`, `2025-H1`, `2025-Q2`, `2025-06` or `A..B` of those.
    public init(parsing text: String) throws {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let range = text.range(of: "..") {
            let a = String(text[..<range.lowerBound]), b = String(text[range.upperBound...])
            guard let first = Unit(code: a), let last = Unit(code: b) else { throw PeriodError.malformed(text) }
            guard let period = ReportPeriod(from: first, through: last) else { throw PeriodError.backwards(text) }
            self = period
            return
        }
        guard let unit = Unit(code: text) else { throw PeriodError.malformed(text) }
        self.init(unit)
    }

    /// First and last day of the period.
    public var start: CivilDate { first.start }
    public var end: CivilDate { last.end }

    /// Whether this is a single unit rather than a range.
    public var isSingle: Bool { first == last }

    /// The written form (`2025-Q2`, `2021..2024`).
    public var code: String { isSingle ? first.code : "\(first.code)..\(last.code)" }
    public var description: String { code }

    /// Whether a day lies in the period.
    public func contains(_ date: CivilDate) -> Bool { start <= date && date <= end }

    /// Whether a span of days (a project's years, an event's days) overlaps the period.
    public func overlaps(from: CivilDate, through: CivilDate) -> Bool { from <= end && start <= through }

    /// The years the period touches.
    public var years: ClosedRange<Int> { start.year...end.year }

    /// The same period one year earlier (each end moved back a year).
    public var yearEarlier: ReportPeriod {
        ReportPeriod(from: first.yearEarlier, through: last.yearEarlier)!
    }
}

/// Why a period could not be read.
public enum PeriodError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case backwards(String)

    public var description: String {
        switch self {
        case .malformed(let text):
            "'\(text)' is not a period; use 2025, 2025-H1, 2025-Q2, 2025-06 or a range such as 2021..2024 or 2024-Q3..2025-Q2"
        case .backwards(let text): "the range '\(text)' ends before it starts"
        }
    }
}
