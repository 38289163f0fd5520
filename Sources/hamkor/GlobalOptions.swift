import ArgumentParser
import Foundation
import HamkorCore

/// Options every command shares: where resources are, and how much to say.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder holding Localization/ and Reports/ (default: next to the binary, or $HAMKOR_RESOURCES).", valueName: "DIR"))
    var resources: String?

    @Flag(name: [.short, .long], help: "Print only errors.")
    var quiet = false

    @Flag(name: [.short, .long], help: "Print diagnostics and progress details.")
    var verbose = false

    @Option(name: .long, help: ArgumentHelp("Log format for messages on stderr: text or json.", valueName: "FORMAT"))
    var logFormat: LogFormat = .text

    /// Loads the engine from the resource folder, with every dataset reader; `profile` is the
    /// import profile `--profile` gives for workbooks.
    func engine(profile: String? = nil) throws -> ReportEngine {
        var engine = try ReportEngine(resources: ResourceLocator.locate(explicit: resources))
        engine.readers = DatasetReaders.registry(profile: profile, engine: engine)
        return engine
    }

    var console: Console { Console(quiet: quiet, verbose: verbose, format: logFormat) }
}

/// How messages are written to stderr.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
