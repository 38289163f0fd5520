import Foundation
import HamkorLocalization

/// The library entry point: everything the CLI does, for a program that wants no CLI.
///
/// ```swift
/// let engine = try ReportEngine(resources: ResourceLocator.locate())
/// let dataset = try engine.loadDataset([])                      // the bundled sample
/// let document = try engine.document(report: "portfolio", dataset: dataset, language: .russian)
/// ```
/// Then hand the document to any registered ``ReportExporter`` (module HamkorExport).
public struct ReportEngine: Sendable {
    public let resources: ResourceLocator
    public let vocabulary: Vocabulary
    public let catalogs: CatalogSet
    /// Valid report definitions by id.
    public let definitions: [String: ReportDefinition]
    /// Definitions that failed to load, by file stem, with their located errors.
    public let definitionFailures: [String: DataError]
    /// The dataset readers ``loadDataset(_:parameters:)`` uses: YAML, JSON and CSV unless a
    /// program registers more (the `hamkor` command adds workbooks and PostgreSQL sources).
    public var readers: DatasetReaderRegistry = .builtIn

    /// Loads the vocabulary, the catalogs and every definition in `Reports/definitions/`
    /// (plus any extra definition folders). An id defined twice is a failure of that id,
    /// naming every file that defines it.
    public init(resources: ResourceLocator, extraDefinitionFolders: [URL] = []) throws {
        self.resources = resources
        vocabulary = try Vocabulary.load(contentsOf: resources.vocabulary)
        catalogs = try CatalogSet.load(from: resources.localization)
        let loader = ReportDefinitionLoader(vocabulary: vocabulary)
        var found: [ReportDefinition] = []
        var failures: [String: DataError] = [:]
        for folder in [resources.definitions] + extraDefinitionFolders {
            let (loaded, failed) = try loader.loadAll(in: folder)
            found += loaded
            failures.merge(failed) { a, _ in a }
        }
        // An id in two folders is as ambiguous as an id in two files of one folder.
        let (unique, duplicates) = ReportDefinitionLoader.separatingDuplicates(found)
        definitions = Dictionary(uniqueKeysWithValues: unique.map { ($0.id, $0) })
        definitionFailures = failures.merging(duplicates) { _, duplicate in duplicate }
    }

    /// Report ids, sorted, including those whose definitions failed to load.
    public var reportIDs: [String] { Set(definitions.keys).union(definitionFailures.keys).sorted() }

    /// The definition for an id; throws the definition's own errors when it failed to load.
    public func definition(_ id: String) throws -> ReportDefinition {
        if let definition = definitions[id] { return definition }
        if let failure = definitionFailures[id] { throw failure }
        throw EngineError.unknownReport(id, known: reportIDs)
    }

    /// Loads data files and folders; with none, the bundled sample. `parameters` reach sources
    /// that select by them (a database query's bind parameters). `languages` keeps only those
    /// languages' texts (and English), `nil` all: see ``DatasetLoader/languages``.
    public func loadDataset(_ paths: [URL], parameters: [String: String] = [:], languages: Set<LanguageTag>? = nil) throws -> Dataset {
        try DatasetLoader(vocabulary: vocabulary, readers: readers, parameters: parameters, languages: languages)
            .load(paths.isEmpty ? [resources.sampleData] : paths)
    }

    /// The formats and translations of one language; missing translations go to `diagnostics`.
    public func locale(for language: LanguageTag, strict: Bool = false, diagnostics: DiagnosticLog = DiagnosticLog()) -> ReportLocale {
        let translator = catalogs.translator(for: language, strict: strict) { key in
            diagnostics.report(Diagnostic(.warning, "missing \(language.tag) translation for \(key); English is used"))
        }
        return ReportLocale(language: language, translator: translator)
    }

    /// Builds a report document.
    public func document(report id: String, dataset: Dataset, language: LanguageTag, strict: Bool = false,
                         parameters: ReportParameters? = nil,
                         generatedAt: Date = ReportEngine.defaultGeneratedAt(), diagnostics: DiagnosticLog = DiagnosticLog()) throws -> ReportDocument {
        try document(report: id, dataset: dataset, locale: locale(for: language, strict: strict, diagnostics: diagnostics),
                     parameters: parameters, generatedAt: generatedAt, diagnostics: diagnostics)
    }

    /// A report's parameters from given values (`--param`, a job file) and the definition's defaults.
    public func parameters(for id: String, given: [ParameterResolver.Given], dataset: Dataset,
                           resolver: ParameterResolver = ParameterResolver()) throws -> ReportParameters {
        try resolver.resolve(given, for: definition(id), dataset: dataset)
    }

    /// Builds a report document with a locale from ``locale(for:strict:diagnostics:)`` — the one
    /// a caller then hands to the exporter, so that it is made once.
    /// Without `parameters`, the definition's defaults.
    public func document(report id: String, dataset: Dataset, locale: ReportLocale, parameters: ReportParameters? = nil,
                         generatedAt: Date = ReportEngine.defaultGeneratedAt(), diagnostics: DiagnosticLog = DiagnosticLog()) throws -> ReportDocument {
        let definition = try definition(id)
        let resolved = try parameters ?? ParameterResolver().resolve([], for: definition, dataset: dataset)
        return try ReportBuilder(dataset: dataset, vocabulary: vocabulary, locale: locale, generatedAt: generatedAt,
                                 diagnostics: diagnostics, parameters: resolved).build(definition)
    }

    /// Now, or `$SOURCE_DATE_EPOCH` when set (the reproducible-builds convention), so the
    /// same input can give byte-identical output. An invalid value is ignored here; the command
    /// line refuses it first (``HamkorEnvironment/check(_:)``).
    public static func defaultGeneratedAt(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        (try? HamkorEnvironment.sourceDateEpoch(environment)).flatMap { $0 } ?? Date()
    }
}

/// Errors of the engine's lookups.
public enum EngineError: Error, CustomStringConvertible, Sendable {
    case unknownReport(String, known: [String])

    public var description: String {
        switch self {
        case .unknownReport(let id, let known): "unknown report '\(id)'; available: \(known.joined(separator: ", "))"
        }
    }
}
