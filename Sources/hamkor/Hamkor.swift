import ArgumentParser
import Foundation
import HamkorCore
import HamkorXLSX

/// The `hamkor` command: ministry-grade cooperation reports in five languages.
@main
struct Hamkor: ParsableCommand {
    static let version = HamkorVersion.current

    static let configuration = CommandConfiguration(
        commandName: "hamkor",
        abstract: "Turn bilateral cooperation data into reports in English, Uzbek, Azerbaijani and Russian.",
        discussion: """
        Reports are built from a dataset (YAML, JSON or CSV; the bundled Uzbekistan–Azerbaijan \
        sample when no --data is given) and a report definition in Reports/definitions/, and \
        written as CSV, XLSX or a plain-text briefing.

        Examples:
          hamkor report portfolio --lang ru --output portfolio.ru.xlsx
          hamkor report briefing --lang uz-Cyrl
          hamkor validate --data my-data/
          hamkor batch Reports/jobs.yaml --out out/
          hamkor list reports

        Exit codes: 0 ok, 1 batch with failed units, 64 usage, 65 invalid data, \
        66 missing input, 73 cannot write output, 75 locked by another run.
        """,
        version: "hamkor \(version) (libxlsxwriter \(XLSXLibrary.version))",
        subcommands: [ReportCommand.self, BatchCommand.self, ScheduleCommand.self, ValidateCommand.self,
                      ListCommand.self, L10nCommand.self, ManifestCommand.self]
    )

    /// Refuses arguments that are not UTF-8 before parsing them: the Swift runtime would replace
    /// their bad bytes with U+FFFD, so a data path would not be found and an output path would
    /// name a different file.
    static func main() {
        for index in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[index], String(validatingCString: raw) == nil else { continue }
            let shown = TerminalText.escaped(String(cString: raw))
            FileHandle.standardError.write(Data("hamkor: error: argument \(index) ('\(shown)') is not valid UTF-8; Hamkor takes file names and text in UTF-8 only: rename the file\n".utf8))
            Foundation.exit(ExitCode.usage.rawValue)
        }
        main(nil)
    }
}
