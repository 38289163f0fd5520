import HamkorLocalization

extension ReportPeriod {
    /// A length of calendar unit: what a table groups by (`groupBy: quarter`) and the record
    /// fields `half`, `quarter` and `month` derived from a record's date or trade period.
    public enum Granularity: String, Sendable, CaseIterable {
        case year, half, quarter, month

        /// The unit of this length that contains a day.
        public func unit(containing date: CivilDate) -> Unit {
            switch self {
            case .year: .year(date.year)
            case .half: .half(date.year, (date.month - 1) / 6 + 1)
            case .quarter: .quarter(date.year, (date.month - 1) / 3 + 1)
            case .month: .month(date.year, date.month)
            }
        }
    }

    /// The number of whole years from the range's first unit to its last, when the last is the
    /// first moved that many years on (`2021..2025` → 4, `2023-Q2..2025-Q2` → 2); `nil` for a
    /// single unit and for ranges such as `2024-Q3..2025-Q2`, whose ends are different units of
    /// the year. Average annual growth (`cagr`) is defined over such a span.
    public var wholeYears: Int? {
        let years = last.year - first.year
        guard years >= 1 else { return nil }
        var moved = first
        for _ in 0..<years { moved = moved.yearLater }
        return moved == last ? years : nil
    }
}

extension ReportPeriod {
    /// How many calendar months the period covers (`2024-Q3..2025-Q2` → 12).
    public var monthCount: Int { last.ordinal + last.months.count - first.ordinal }
}

extension ReportPeriod.Unit {
    /// The unit of a length that contains this one (a quarter's half, a month's quarter), or `nil`
    /// when this unit is longer (a yearly trade row has no quarter).
    public func unit(_ granularity: ReportPeriod.Granularity) -> ReportPeriod.Unit? {
        let rank: (ReportPeriod.Granularity) -> Int = { [.year: 0, .half: 1, .quarter: 2, .month: 3][$0]! }
        guard rank(granularity) <= rank(self.granularity) else { return nil }
        return granularity.unit(containing: start)
    }

    /// The length of this unit.
    public var granularity: ReportPeriod.Granularity {
        switch self {
        case .year: .year
        case .half: .half
        case .quarter: .quarter
        case .month: .month
        }
    }

    /// The same unit one year later.
    public var yearLater: ReportPeriod.Unit {
        switch self {
        case .year(let y): .year(y + 1)
        case .half(let y, let h): .half(y + 1, h)
        case .quarter(let y, let q): .quarter(y + 1, q)
        case .month(let y, let m): .month(y + 1, m)
        }
    }

    /// A number that orders units of one length in time (months since year 0 to the unit's start).
    public var ordinal: Int { year * 12 + months.lowerBound - 1 }
}
