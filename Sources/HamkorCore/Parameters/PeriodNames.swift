import HamkorLocalization

/// A period written the way each language writes it (`II квартал 2025 года`, `2025-yil II chorak`,
/// `2025-ci ilin II rübü`, `Q2 2025`), from the catalog's `period` patterns.
///
/// Every pattern has a `{year}` (a range: `{first}` and `{last}`); Azerbaijani receives the year
/// with its ordinal suffix (`2025-ci`) from ``ReportLocale/yearBeforeNoun(_:)``, the other
/// languages the bare number, their patterns carrying the word for "year".
struct PeriodNames {
    let locale: ReportLocale

    /// The catalog messages this type reads, for the template.
    static let messages: [(context: String, msgid: String, comment: String)] = {
        var list: [(String, String, String)] = [
            ("period", "{year}", "A calendar year; {year} is the number (Azerbaijani: with its ordinal suffix, 2025-ci)"),
            ("period", "all years", "The period of a report that covers every date in the data"),
            ("period", "{first}–{last}", "A range of years; {first} and {last} are year numbers (Azerbaijani: {last} with its ordinal suffix)"),
            ("period", "{first} – {last}", "A range of periods; {first} and {last} are periods such as 'Q3 2024', already written out"),
        ]
        for half in 1...2 { list.append(("period", "H\(half) {year}", "Half-year \(half) of {year}")) }
        for quarter in 1...4 { list.append(("period", "Q\(quarter) {year}", "Quarter \(quarter) of {year}")) }
        for (index, month) in monthNames.enumerated() { list.append(("period", "\(month) {year}", "Month \(index + 1) of {year}, as a reporting period")) }
        return list
    }()

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// The written period; `nil` is "all years".
    func name(_ period: ReportPeriod?) throws -> String {
        guard let period else { return try t("all years") }
        if period.isSingle { return try name(period.first) }
        if case .year(let a) = period.first, case .year(let b) = period.last {
            return try PlaceholderTemplate(t("{first}–{last}")).render(["first": String(a), "last": locale.yearBeforeNoun(b)])
        }
        return try PlaceholderTemplate(t("{first} – {last}")).render(["first": name(period.first), "last": name(period.last)])
    }

    func name(_ unit: ReportPeriod.Unit) throws -> String {
        let pattern = switch unit {
        case .year: "{year}"
        case .half(_, let h): "H\(h) {year}"
        case .quarter(_, let q): "Q\(q) {year}"
        case .month(_, let m): "\(Self.monthNames[m - 1]) {year}"
        }
        return try PlaceholderTemplate(t(pattern)).render(["year": locale.yearBeforeNoun(unit.year)])
    }

    private func t(_ msgid: String) throws -> String { try locale.translator.text(msgid, context: "period") }
}
