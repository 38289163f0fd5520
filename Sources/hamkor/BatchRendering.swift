import Foundation
import HamkorBatch
import HamkorCore
import HamkorExport
import HamkorLocalization

/// Renders batch units: the engine, the exporters and every dataset loaded once up front.
struct BatchRendering: Sendable {
    let engine: ReportEngine
    let registry: ExporterRegistry
    let datasets: [String: Dataset]
    let diagnostics: DiagnosticLog
    let generatedAt: Date

    /// Loads each distinct dataset of the plan once and checks every unit's parameters; invalid
    /// data or a bad parameter fails the whole batch (exit 65) before anything is written.
    init(engine: ReportEngine, registry: ExporterRegistry, units: [BatchUnit], generatedAt: Date) throws {
        self.engine = engine
        self.registry = registry
        self.generatedAt = generatedAt
        diagnostics = DiagnosticLog()
        var datasets: [String: Dataset] = [:]
        for unit in units {
            let key = Self.key(unit.data)
            if datasets[key] == nil { datasets[key] = try engine.loadDataset(unit.data ?? []) }
        }
        self.datasets = datasets
        try checkParameters(units)
    }

    /// A unit's parameters checked against its report's definition; a bad one is located in the job file (exit 65).
    func parameters(of unit: BatchUnit, dataset: Dataset) throws -> ReportParameters {
        try engine.parameters(for: unit.report, given: unit.parameters, dataset: dataset)
    }

    /// Checks every unit's parameters before anything is written.
    func checkParameters(_ units: [BatchUnit]) throws {
        for unit in units {
            // A report whose definition failed to load fails its own units when they run.
            guard engine.definitions[unit.report] != nil, let dataset = datasets[Self.key(unit.data)] else { continue }
            _ = try parameters(of: unit, dataset: dataset)
        }
    }

    /// The digests of each unit's inputs, for the manifest and `--resume`.
    func inputDigester() -> UnitInputDigester {
        let vocabulary = engine.vocabulary
        return UnitInputDigester(resources: engine.resources,
                                 definitionFiles: engine.definitions.mapValues { URL(fileURLWithPath: $0.file) },
                                 expandData: { try DatasetLoader(vocabulary: vocabulary).expand($0) })
    }

    static func key(_ data: [URL]?) -> String { data?.map(\.path).joined(separator: "\n") ?? "" }

    /// The paths (relative to the output root) `unit` will write: a CSV unit of a report with
    /// several tables writes one file per table beside its path.
    func plannedFiles(_ unit: BatchUnit) -> [String] {
        guard unit.format == CSVExporter.formatID, let definition = try? engine.definition(unit.report) else { return [unit.path] }
        let ids = definition.sections.compactMap { section -> String? in
            if case .table(let table) = section { return table.id }
            return nil
        }
        let base = URL(fileURLWithPath: "/" + unit.path)
        return ExportTarget.files(forParts: ids, at: base, extension: "csv").map { String($0.path.dropFirst()) }
    }

    /// Builds and exports one unit; throws to fail the unit alone.
    func render(_ unit: BatchUnit, to destination: URL) throws -> [URL] {
        guard let dataset = datasets[Self.key(unit.data)] else { throw EngineError.unknownReport(unit.report, known: []) }
        let exporter = try registry.exporter(for: unit.format)
        let unitDiagnostics = DiagnosticLog()
        let locale = engine.locale(for: unit.language, strict: unit.strict, diagnostics: unitDiagnostics)
        let document = try engine.document(report: unit.report, dataset: dataset, locale: locale,
                                           parameters: try parameters(of: unit, dataset: dataset),
                                           generatedAt: generatedAt, diagnostics: unitDiagnostics)
        let files = try exporter.export(document, context: ExportContext(locale: locale, diagnostics: unitDiagnostics), to: .file(destination))
        for diagnostic in unitDiagnostics.diagnostics {
            diagnostics.report(Diagnostic(diagnostic.severity, at: diagnostic.location, "\(unit): \(diagnostic.message)"))
        }
        return files.map(\.url)
    }
}
