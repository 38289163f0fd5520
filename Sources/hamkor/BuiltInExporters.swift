import HamkorExport
import HamkorPDF
import HamkorXLSX

/// The exporters the `hamkor` binary ships with; the core never imports them.
enum BuiltInExporters {
    /// The registry with the built-in formats, configured from command-line settings.
    static func registry(csvDialect: CSVConfiguration.Dialect = .excel, textWidth: Int = 78) -> ExporterRegistry {
        var registry = ExporterRegistry()
        registry.register(.csv(CSVConfiguration(dialect: csvDialect)))
        registry.register(.textBriefing(width: textWidth))
        registry.register(XLSXExporter.xlsx())
        registry.register(PDFExporter.pdf())
        return registry
    }
}
