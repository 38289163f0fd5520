import ArgumentParser
import Foundation
import HamkorCore
import HamkorExport
import HamkorLocalization

/// `hamkor report`: builds one report in one language and writes it in one format.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Build one report in one language and format.",
        discussion: """
        The format is --format, else the --output file's extension, else txt. Text formats go \
        to stdout without --output (or with --output -); xlsx and pdf need a file (default \
        REPORT-LANG.xlsx, REPORT-LANG.pdf). --table keeps one table in every format. Outputs \
        are written atomically: a failed run leaves the old files.

        Examples:
          hamkor report portfolio --lang ru --output portfolio.ru.xlsx
          hamkor report briefing --lang uz-Cyrl --format txt
          hamkor report briefing --lang ru --format pdf --output briefing.ru.pdf
          hamkor report agreements --format csv --table by-area --output areas.csv
          hamkor report trade --param period=2024 --lang ru --output trade.ru.xlsx
          hamkor report briefing --param partner=AZ --param period=2024-Q3
          hamkor list reports        # the report ids
        """)

    @Argument(help: "The report id (see `hamkor list reports`).")
    var report: String

    @Option(name: .long, help: ArgumentHelp("A dataset file or folder, an Excel register (.xlsx) or a PostgreSQL source file (.source.yaml); repeatable. Default: the bundled sample.", valueName: "PATH"))
    var data: [String] = []

    @Option(name: .long, help: ArgumentHelp("The import profile for .xlsx registers (default: NAME.profile.yaml beside NAME.xlsx).", valueName: "FILE"))
    var profile: String?

    @Option(name: .long, help: ArgumentHelp("Language: \(LanguageTag.availableTags.joined(separator: ", ")); script and region forms like uz-Latn or ru-RU work.", valueName: "TAG"))
    var lang = "en"

    @Option(name: .long, help: ArgumentHelp("A report parameter, repeatable: partner=AZ, period=2025-Q2 (2025, 2025-H1, 2025-06, 2021..2024, previous-quarter, all). `hamkor list reports` shows each report's parameters.", valueName: "NAME=VALUE"))
    var param: [String] = []

    @Option(name: .long, help: ArgumentHelp("Format id (see `hamkor list formats`).", valueName: "ID"))
    var format: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Output file, or - for stdout.", valueName: "PATH"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Keep only this table, in every format (an unknown id lists the report's tables).", valueName: "ID"))
    var table: String?

    @Option(name: .long, help: ArgumentHelp("CSV dialect: excel (BOM, locale separators) or data (plain, stable ids).", valueName: "DIALECT"))
    var csvDialect: CSVConfiguration.Dialect = .excel

    @Option(name: .long, help: ArgumentHelp("Line width of text briefings.", valueName: "COLUMNS"))
    var width = 78

    @Flag(name: .long, help: "Fail on a missing translation instead of falling back to English.")
    var strict = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (30...400).contains(width) else { throw ValidationError("--width must be between 30 and 400") }
        try InputOutputOverlap.check(output: output, inputs: data + (profile.map { [$0] } ?? []))
    }

    func run() throws {
        let console = global.console
        var timings = PhaseTimings()
        timings.mark()
        do {
            let language = try LanguageTag(parsing: lang)
            let engine = try global.engine(profile: profile)
            let registry = BuiltInExporters.registry(csvDialect: csvDialect, textWidth: width)
            let exporter = try chooseExporter(registry)
            let given = try param.map(ParameterResolver.Given.init(argument:))
            let definition = try engine.definition(report)
            for value in given where !definition.parameters.contains(where: { $0.name == value.name }) {
                _ = try ParameterResolver().resolve([value], for: definition, dataset: Dataset())  // unknown names fail before loading data
            }
            // Only the report's language and English (its fallback) are kept of the data's texts.
            let dataset = try engine.loadDataset(data.map { URL(fileURLWithPath: $0) }, languages: [language])
            timings.mark()
            let parameters = try engine.parameters(for: report, given: given, dataset: dataset)
            let diagnostics = DiagnosticLog()
            let locale = engine.locale(for: language, strict: strict, diagnostics: diagnostics)
            let document = try engine.document(report: report, dataset: dataset, locale: locale, parameters: parameters,
                                               diagnostics: diagnostics)
            timings.mark()
            let target: ExportTarget
            if let output, output != "-" {
                target = .file(URL(fileURLWithPath: output))
            } else if exporter.canWriteToStandardOutput && output == nil || output == "-" {
                guard exporter.canWriteToStandardOutput else { throw ExportError.needsFilePath(format: exporter.formatID) }
                target = .standardOutput
            } else {
                target = .file(URL(fileURLWithPath: "\(report)-\(language.tag).\(exporter.fileExtension)"))
            }
            let files = try exporter.export(document, context: ExportContext(locale: locale, diagnostics: diagnostics, tableID: table), to: target)
            ExitRetention.keep((dataset, document))
            timings.mark()
            timings.print(rows: dataset.projects.count)
            console.diagnostics(diagnostics)
            for file in files { console.info("wrote \(file.url.path) (\(file.bytes) bytes)") }
        } catch {
            throw failure(error, to: console)
        }
    }

    private func chooseExporter(_ registry: ExporterRegistry) throws -> any ReportExporter {
        if let format { return try registry.exporter(for: format) }
        if let output, output != "-", let byExtension = registry.exporter(forExtension: URL(fileURLWithPath: output).pathExtension) {
            return byExtension
        }
        return try registry.exporter(for: "txt")
    }
}
