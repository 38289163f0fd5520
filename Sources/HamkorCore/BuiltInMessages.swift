import HamkorLocalization

/// Catalog messages the Swift code itself uses (besides definitions and the vocabulary),
/// listed once so `hamkor l10n extract` can put them in the template.
public enum BuiltInMessages {
    /// (context, English text, where it appears).
    public static let all: [(context: String, msgid: String, comment: String)] = [
        ("report chrome", "Sample data: figures are for demonstration and are not official statistics.", "Banner on every report built from the bundled sample data"),
        ("report chrome", "Figures marked illustrative are estimates; the record gives only totals.", "Footnote when some figures are illustrative"),
        ("report chrome", "Generated", "Caption before the date and time a report was generated"),
        ("report chrome", "Language", "Caption before the report language's name"),
        ("report chrome", "Data sources", "Caption of the list of data sources"),
        ("report chrome", "Key figures", "Caption of the key-figures block"),
        ("report chrome", "Total", "Label of the total row of a table"),
        ("report chrome", "Page {page} of {pages}", "Printed page footer; {page} and {pages} are numbers"),
        ("sheet name", "Summary", "Name of a workbook's first sheet (Excel allows at most 31 characters)"),
        ("table row", "Other", "Row that folds the groups beyond the top N of a table"),
        ("list item with detail", "{item}, {detail}", "A list item followed by a second field, as a name and its honour: 'Farrukh Zakirov, People's Artist of Azerbaijan'"),
        ("report chrome", "Bilateral cooperation report", "Category of a generated workbook (document properties)"),
        ("boolean", "Yes", "Cell value for a true flag"),
        ("boolean", "No", "Cell value for a false flag"),
        ("note", "Amounts in {currencies} are shown separately: the data gives no exchange rate to {currency}.", "Table note; {currencies} is a list of ISO currency codes, {currency} one code"),
        ("note", "A record linked to several places or countries is counted under each of them.", "Table note under tables grouped by region or country"),
        ("note", "Shares are rounded independently, so the figures shown may not add up to the total.", "Table note when rounded shares do not add up to the 100 % total shown"),
        ("note", "— marks a change that cannot be computed: no figure for the previous period, or a base of zero.", "Table note under a growth or change column with a gap"),
        ("note", "— marks an average annual growth rate that cannot be computed: the period is not a range of whole years (such as 2021..2025), or its first figure is not above zero or its last is below zero.", "Table note under an average annual growth (CAGR) column with a gap; keep 2021..2025 as it is: it is how a period is given"),
        ("note", "Growth on a year earlier is given for the last column ({period}).", "Note under a pivot table with a growth column; {period} is the last column's period, already written out (2025, II квартал 2025 года)"),
        ("column header", "Growth on a year earlier", "Header of a pivot table's growth column: the last period column's per cent change on the same period a year earlier"),
        ("paragraph", "The data hold no records for {period}.", "The whole text of a report whose period has nothing in the data; {period} is already written out (III квартал 2026 года, 2026-yil III chorak)"),
        ("paragraph", "The data hold no records for this report.", "The whole text of a report for which the data has nothing"),
        ("paragraph", "{dates}, {place}: {events}.", "Opening paragraph built from the events data; {dates} is a date or a range of dates, {place} a city, {events} the events' titles joined by semicolons"),
        ("country form", "all partners", "Stands for the partner when the data names no partner country"),
        ("country form", "with all partners", "The 'with' form of 'all partners', as in 'Trade with all partners'"),
        ("country form", "with {country}", "Fallback for a partner country without its own 'with' form in the vocabulary; {country} is its name"),
    ] + ReportLocale.currencyNames.keys.sorted().map { code in
        (ReportLocale.proseMoneyContext, "{amount} " + ReportLocale.currencyNames[code]!,
         "Money in running text, after a compact amount such as 2.1 billion ({amount}); \(code). Name the currency in the form the number needs, no symbol")
    } + PeriodNames.messages
}
