import Foundation
import HamkorLocalization

/// The rules a dataset field's value must meet, shared by the YAML/JSON reader and the CSV
/// project-table reader, each with the message a broken rule gives (`nil` when the value is fine).
enum FieldRules {
    /// Years a record may start or end in.
    static let years = 1900...2100

    /// Dates a record may carry: from 1900-03-01, the first day whose spreadsheet serial is right
    /// (Excel counts a 29 February 1900 that never was, and earlier serials are off by one or
    /// negative; before 1582 calendars print Julian dates), to the end of 2100.
    static let dates = CivilDate(year: 1900, month: 3, day: 1)!...CivilDate(year: 2100, month: 12, day: 31)!

    /// A date within ``dates``.
    static func dateProblem(_ date: CivilDate) -> String? {
        dates.contains(date) ? nil
            : "\(date.iso) is outside the dates Hamkor reports, \(dates.lowerBound.iso) to \(dates.upperBound.iso) (spreadsheets cannot show earlier dates correctly)"
    }

    /// A day written `YYYY-MM-DD`, within ``dates``: the date, or the message for text that is none.
    static func date(_ text: String) -> (date: CivilDate?, problem: String?) {
        guard let date = CivilDate(iso: text) else {
            return (nil, "'\(TerminalText.excerpt(text, 40))' is not a valid date; write YYYY-MM-DD with a day that exists, such as 2024-08-22")
        }
        if let problem = dateProblem(date) { return (nil, problem) }
        return (date, nil)
    }

    /// A period code (`2024`, `2024-H1`, `2024-Q3`, `2024-07`): the unit, or the message for text that is none.
    static func period(_ text: String) -> (unit: ReportPeriod.Unit?, problem: String?) {
        if let unit = ReportPeriod.Unit(code: text) { return (unit, nil) }
        return (nil, "'\(TerminalText.excerpt(text, 20))' is not a period; use 2024, 2024-H1, 2024-Q3 or 2024-07")
    }

    /// Amounts and quantities are never negative.
    static func negativeProblem(_ number: Decimal) -> String? {
        number < 0 ? "must not be negative (found \(number))" : nil
    }

    /// A record id (see ``Identifier``).
    static func identifierProblem(_ id: String) -> String? {
        Identifier.problem(id).map {
            "'\(TerminalText.excerpt(id, 40))' is not a valid id: it \($0); use letters, digits, '-', '_' and '.', at most \(Identifier.maxLength) characters, not starting with '.'"
        }
    }

    /// An ISO 3166-1 alpha-2 country code known to CLDR.
    static func countryProblem(_ code: String) -> String? {
        ReportLocale.isKnownCountry(code) ? nil
            : "unknown country code '\(TerminalText.excerpt(code, 20))'; use ISO 3166-1 alpha-2 in capitals, such as UZ or AZ"
    }

    /// An ISO 4217 currency code known to CLDR.
    static func currencyProblem(_ code: String) -> String? {
        ReportLocale.isKnownCurrency(code) ? nil
            : "unknown currency code '\(TerminalText.excerpt(code, 20))'; use ISO 4217 in capitals, such as USD, UZS or AZN"
    }

    /// A code of one of the vocabulary's lists, with a "did you mean" for a near miss.
    static func codeProblem(_ code: String, in list: Vocabulary.List, of vocabulary: Vocabulary) -> String? {
        guard !vocabulary.contains(code, in: list) else { return nil }
        if list == .hsChapters {
            // 96 codes are too many to list; the rule is short.
            if code == HSClassification.reservedChapter {
                return "HS chapter 77 is reserved in HS 2022 for possible future use: no goods are classified in it"
            }
            return "unknown HS chapter code '\(TerminalText.excerpt(code, 40))'; HS 2022 chapters are two digits, 01 to 97 (77 is reserved)"
        }
        let known = vocabulary.codes(list)
        let hint = Suggestion.closest(to: code, in: known).map { "; did you mean '\($0)'?" } ?? ""
        return "unknown \(list.singular) code '\(TerminalText.excerpt(code, 40))'\(hint) (known: \(known.joined(separator: ", ")))"
    }

    /// The HS section of a trade row: the chapter's own section when a chapter is given, else the
    /// section given. `conflict` is set when both are given and disagree (the section is then the
    /// chapter's); `section` is `nil` when neither is given.
    static func tradeSection(section: String?, chapter: String?) -> (section: String?, conflict: String?) {
        guard let chapter, let derived = HSClassification.section(ofChapter: chapter) else { return (section, nil) }
        if let section, section != derived { return (derived, "chapter \(chapter) is in section \(derived), not \(section)") }
        return (derived, nil)
    }
}
