import ArgumentParser
import Foundation
import HamkorCore
import HamkorLocalization

/// `hamkor validate`: checks datasets and prints every problem, or a one-line summary.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check dataset files, registers and database sources, and report every problem with its place.",
        discussion: """
        Exit 0 and a one-line summary when the data is valid; 65 with one line per problem \
        (FILE:LINE:COLUMN: error: FIELD: MESSAGE; in a workbook FILE:SHEET!CELL, in a database \
        source FILE:KIND[KEY]) when it is not; 66 when a path is missing or a database cannot be reached.

        Examples:
          hamkor validate                       # the bundled sample
          hamkor validate --data projects.csv --data agreements.yaml
          hamkor validate --data register.xlsx --profile register.profile.yaml --data places.yaml
          hamkor validate --data ministry.source.yaml --data places.yaml
        """)

    @Option(name: .long, help: ArgumentHelp("A dataset file (.yaml, .yml, .json, .csv), an Excel register (.xlsx), a PostgreSQL source file (.source.yaml) or a folder; repeatable. Default: the bundled sample.", valueName: "PATH"))
    var data: [String] = []

    @Option(name: .long, help: ArgumentHelp("The import profile for .xlsx registers (default: NAME.profile.yaml beside NAME.xlsx).", valueName: "FILE"))
    var profile: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let console = global.console
        do {
            let engine = try global.engine(profile: profile)
            let dataset = try engine.loadDataset(data.map { URL(fileURLWithPath: $0) })
            let totals = dataset.totalValueByCurrency.sorted { $0.key < $1.key }
                .map { ReportLocale(language: .english, translator: engine.catalogs.translator(for: .english)).money($0.value, currency: $0.key) }
            var summary = "ok: \(dataset.recordSummary); total value "
                + (totals.isEmpty ? "none" : totals.joined(separator: " + "))
            if dataset.info.isSample { summary += " (sample data)" }
            console.output(summary)
        } catch {
            throw failure(error, to: console)
        }
    }
}
