// The built-in exporters as static members, so a call site reads `exporter: .csv(.data)`.

extension ReportExporter where Self == CSVExporter {
    /// The CSV exporter (``CSVConfiguration/excel`` unless told otherwise).
    public static func csv(_ configuration: CSVConfiguration = .excel) -> CSVExporter {
        CSVExporter(configuration: configuration)
    }
}

extension ReportExporter where Self == TextBriefingExporter {
    /// The plain-text briefing exporter, wrapped at `width` display columns.
    public static func textBriefing(width: Int = 78) -> TextBriefingExporter {
        TextBriefingExporter(configuration: TextConfiguration(width: width))
    }
}
