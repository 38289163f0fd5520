/// Localized captions that surround a report's content in every format.
public struct ReportLabels: Sendable, Equatable {
    /// "Sample data" banner text, shown when ``ReportDocument/isSampleData``.
    public var sampleData: String
    /// Footnote explaining illustrative figures.
    public var illustrativeNote: String
    /// "Generated" caption for the date line.
    public var generated: String
    /// "Language" caption.
    public var language: String
    /// The report language's own name (`русский`).
    public var languageName: String
    /// "Data sources" caption.
    public var dataSources: String
    /// "Summary" — the name of a workbook's first sheet.
    public var summary: String
    /// "Key figures" caption.
    public var keyFigures: String
    /// "Total" — the label of total rows.
    public var total: String
    /// "Page {page} of {pages}", with those two placeholders.
    public var pageOfPages: String
    /// "Bilateral cooperation report" — the category of a document in its file properties.
    public var category: String

    public init(sampleData: String, illustrativeNote: String, generated: String, language: String, languageName: String,
                dataSources: String, summary: String, keyFigures: String, total: String, pageOfPages: String,
                category: String = "Bilateral cooperation report") {
        self.sampleData = sampleData
        self.illustrativeNote = illustrativeNote
        self.generated = generated
        self.language = language
        self.languageName = languageName
        self.dataSources = dataSources
        self.summary = summary
        self.keyFigures = keyFigures
        self.total = total
        self.pageOfPages = pageOfPages
        self.category = category
    }

    /// English captions, for tests and tools that build documents by hand.
    public static let english = ReportLabels(
        sampleData: "Sample data: figures are for demonstration and are not official statistics.",
        illustrativeNote: "Figures marked illustrative are estimates; the record gives only totals.",
        generated: "Generated", language: "Language", languageName: "English", dataSources: "Data sources",
        summary: "Summary", keyFigures: "Key figures", total: "Total", pageOfPages: "Page {page} of {pages}")
}
