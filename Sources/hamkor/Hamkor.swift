import ArgumentParser
import Foundation
import HamkorCore
import HamkorXLSX
#if canImport(Glibc)
import Glibc
#endif

/// The `hamkor` command: ministry-grade cooperation reports in five languages.
@main
struct Hamkor: ParsableCommand {
    static let version = HamkorVersion.current

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
                      ImportCommand.self, ListCommand.self, L10nCommand.self, ManifestCommand.self]
    )

    /// Refuses arguments that are not UTF-8 before parsing them: the Swift runtime would replace
    /// their bad bytes with U+FFFD, so a data path would not be found and an output path would
    /// name a different file.
    static func main() {
        tuneAllocator()
        for index in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[index], String(validatingCString: raw) == nil else { continue }
            let shown = TerminalText.escaped(String(cString: raw))
            FileHandle.standardError.write(Data("hamkor: error: argument \(index) ('\(shown)') is not valid UTF-8; Hamkor takes file names and text in UTF-8 only: rename the file\n".utf8))
            Foundation.exit(ExitCode.usage.rawValue)
        }
        // Every environment variable Hamkor reads, before any of them is used.
        do { try HamkorEnvironment.check() } catch {
            FileHandle.standardError.write(Data("hamkor: error: \(TerminalText.escaped(error.description))\n".utf8))
            Foundation.exit(ExitCode.usage.rawValue)
        }
        main(nil)
    }

    /// glibc's malloc keeps up to eight arenas per processor; each thread of the parallel load
    /// fills its own, and the space freed in one is not reused by the others, so it stays
    /// resident. One arena holds the least. The loading threads share it: the column filler
    /// allocates little per row, so its lock cost nothing measurable. Measured at 1,000,000
    /// projects on 2 processors, interleaved runs, load average 3-5 (CPU figures are rough):
    /// - default (16 arenas): peak RSS 847, 847, 845, 846, 821, 789 MiB; user CPU 18.5-21.0 s;
    /// - 2 arenas: 817, 817 MiB; 17.3-17.4 s;
    /// - 1 arena: 771, 770, 801, 789 MiB; 17.9-20.4 s.
    ///
    /// A larger `M_TOP_PAD`/`M_TRIM_THRESHOLD` (64/256 MiB) gave nothing more (peak 792 and
    /// 821 MiB with 2 arenas), and `M_MMAP_THRESHOLD` stays dynamic. A `MALLOC_ARENA_MAX` set
    /// in the environment is left alone.
    private static func tuneAllocator() {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which the Glibc module does not import.
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        let arenaMax: Int32 = -8  // M_ARENA_MAX
        guard ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil,
              let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: MallOpt.self)(arenaMax, 1)
        #endif
    }
}
