import ArgumentParser
import HamkorXLSX

/// The `hamkor` command: ministry-grade cooperation reports in five languages.
@main
struct Hamkor: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "hamkor",
        abstract: "Turn bilateral cooperation data into reports in English, Uzbek, Azerbaijani and Russian.",
        discussion: """
        Reports are built from a dataset (YAML, JSON or CSV files, Excel registers read through \
        an import profile, PostgreSQL source files; the bundled Uzbekistan–Azerbaijan \
        sample when no --data is given) and a report definition in Reports/definitions/, and \
        written as CSV, XLSX or a plain-text briefing.

        Examples:
          hamkor report portfolio --lang ru --output portfolio.ru.xlsx
          hamkor report briefing --lang uz-Cyrl
          hamkor validate --data my-data/
          hamkor import --profile register.profile.yaml register.xlsx --output projects.yaml
          hamkor batch Reports/jobs.yaml --out out/
          hamkor list reports

        Exit codes: 0 ok, 1 batch with failed units, 64 usage, 65 invalid data, \
        66 missing input, 73 cannot write output, 75 locked by another run.
        """,
        version: "hamkor \(version) (libxlsxwriter \(XLSXLibrary.version))",
        subcommands: [ReportCommand.self, BatchCommand.self, ScheduleCommand.self, ValidateCommand.self,
                      ImportCommand.self, ListCommand.self, L10nCommand.self]
    )
}
