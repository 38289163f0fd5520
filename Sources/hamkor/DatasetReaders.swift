import Foundation
import HamkorCore
import HamkorPostgres
import HamkorRegisters

/// The dataset readers the command line offers: YAML, JSON and CSV, Excel registers through
/// import profiles, and PostgreSQL source files.
enum DatasetReaders {
    /// `profile`: the import profile every workbook uses (`--profile`); without it each workbook
    /// uses the `NAME.profile.yaml` beside it.
    static func registry(profile: String?, engine: ReportEngine) -> DatasetReaderRegistry {
        var registry = DatasetReaderRegistry.builtIn
        registry.register(XLSXRegisterReader(profile: profile.map { URL(fileURLWithPath: $0) }, catalogs: engine.catalogs))
        registry.register(PostgresSourceReader())
        return registry
    }
}
