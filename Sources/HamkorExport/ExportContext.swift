import HamkorCore
import HamkorLocalization

/// What an exporter receives besides the document: the language's formats and a diagnostics sink.
public struct ExportContext: Sendable {
    /// Number, money, date and name formatting for the document's language.
    public var locale: ReportLocale
    /// Where non-fatal problems go (a truncated cell, a renamed sheet).
    public var diagnostics: DiagnosticLog
    /// When set, the export keeps only the table with this id (`--table`). ``ExportPublisher``
    /// applies it to the document before rendering, the same way for every format.
    public var tableID: String?

    public init(locale: ReportLocale, diagnostics: DiagnosticLog = DiagnosticLog(), tableID: String? = nil) {
        self.locale = locale
        self.diagnostics = diagnostics
        self.tableID = tableID
    }
}
