import ArgumentParser
import Foundation
import HamkorCore
import HamkorExport
import HamkorRegisters

/// `hamkor import`: converts an Excel register once into Hamkor's YAML dataset format.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert an Excel register into a YAML dataset file, through an import profile.",
        discussion: """
        Reads the register as `--data` would (every record checked; place codes are checked \
        when the YAML is used with the file that defines the places) and writes its records (any \
        kind a register holds: projects, trade flows, agreements…) as YAML: to --output (atomically), or to stdout without it or with -. \
        Nothing is written when the register has a problem: exit 65 with one line per problem \
        (FILE:SHEET!CELL: error: FIELD: MESSAGE).

        The profile is --profile, else NAME.profile.yaml beside NAME.xlsx (see docs/DATA.md).

        Examples:
          hamkor import --profile register.profile.yaml register.xlsx --output data/projects.yaml
          hamkor import trade.xlsx > trade.yaml
        """)

    @Argument(help: ArgumentHelp("The Excel register (.xlsx).", valueName: "REGISTER.xlsx"))
    var register: String

    @Option(name: .long, help: ArgumentHelp("The import profile (default: NAME.profile.yaml beside NAME.xlsx).", valueName: "FILE"))
    var profile: String?

    @Option(name: [.short, .long], help: ArgumentHelp("The YAML file to write, or - for stdout (default: stdout).", valueName: "PATH"))
    var output: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard register.lowercased().hasSuffix(".xlsx") else {
            throw ValidationError("'\(register)' is not an .xlsx workbook; import reads Excel registers (other formats load with --data as they are)")
        }
        let defaultProfile = URL(fileURLWithPath: register).deletingPathExtension().path + ".profile.yaml"
        try InputOutputOverlap.check(output: output, inputs: [register, profile ?? defaultProfile])
    }

    func run() throws {
        let console = global.console
        do {
            let engine = try global.engine(profile: profile)
            let url = URL(fileURLWithPath: register)
            let reader = XLSXRegisterReader(profile: profile.map { URL(fileURLWithPath: $0) }, catalogs: engine.catalogs)
            let problems = ProblemList()
            let dataset = try reader.read(url, context: DatasetReadContext(vocabulary: engine.vocabulary), problems: problems)
            DatasetValidator(problems: problems, checksReferences: false).validate(dataset)
            guard problems.isEmpty else { throw DataError.invalid(problems.problems) }
            let profileName = reader.profileURL(for: url).lastPathComponent
            let yaml = DatasetYAMLWriter.yaml(dataset, header: [
                "Imported by hamkor import from \(url.lastPathComponent) with the profile \(profileName).",
                "Schema: docs/DATA.md. Place codes must be defined in another file of the dataset (places:).",
            ])
            if let output, output != "-" {
                _ = try AtomicFileWriter.write(Data(yaml.utf8), to: URL(fileURLWithPath: output))
                let kinds = RecordSource.allCases.filter { dataset.count(of: $0) > 0 }
                console.info("imported \(kinds.map { $0.counted(dataset.count(of: $0)) }.joined(separator: ", ")) to \(output)")
            } else {
                console.output(yaml)
            }
        } catch {
            throw failure(error, to: console)
        }
    }
}
