import ArgumentParser
import Foundation
import HamkorCore
import HamkorExport
import HamkorLocalization

/// `hamkor l10n`: translation catalog tools.
struct L10nCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "l10n",
        abstract: "Check and extract translation catalogs.",
        subcommands: [L10nCheckCommand.self, L10nExtractCommand.self])
}

/// `hamkor l10n check`: coverage, placeholders, plural forms and lengths per language, and the
/// glossary's terms in every catalog and bundled data text.
struct L10nCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report translated, missing and fuzzy entries, placeholder and plural problems, over-long strings and glossary violations.",
        discussion: """
            Glossary violations (Localization/GLOSSARY.md) are printed as FILE:LINE: LANG: 'FOUND' found; \
            the glossary requires 'REQUIRED', for every catalog entry and bundled data text.
            With --strict, exit 1 when any language has a problem.
            """)

    @Flag(name: .long, help: "Exit 1 when any problem is found.")
    var strict = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let console = global.console
        do {
            let engine = try global.engine()
            let expected = CatalogExtractor(vocabulary: engine.vocabulary, definitions: Array(engine.definitions.values)).entries()
            var problems = 0
            for language in LanguageTag.allCases where language != .english {
                guard let catalog = engine.catalogs.catalogs[language] else { continue }
                let result = CatalogChecker(language: language, template: expected, catalog: catalog).check()
                console.output("\(language.tag): \(result.translated) translated, \(result.missing.count) missing, \(result.fuzzy.count) fuzzy, "
                               + "\(result.placeholderMismatches.count) placeholder mismatches, \(result.pluralProblems.count) plural problems, "
                               + "\(result.tooLong.count) too long, \(result.headerProblems.count) header problems")
                for line in result.details { console.output("  \(line)") }
                problems += result.problemCount
            }
            let resources = try ResourceLocator.locate(explicit: global.resources)
            let findings = try Self.glossaryFindings(resources: resources, catalogs: engine.catalogs)
            console.output("glossary: \(findings.count) violations")
            for finding in findings { console.output("  \(finding)") }
            problems += findings.count
            let stale = Set(engine.catalogs.template.entries.map(\.key)).symmetricDifference(expected.map(\.key))
            if !stale.isEmpty {
                console.output("hamkor.pot is out of date (\(stale.count) entries differ); run `hamkor l10n extract`")
                problems += stale.count
            }
            if strict && problems > 0 { throw ExitCode(1) }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw failure(error, to: console)
        }
    }
}

extension L10nCheckCommand {
    /// The glossary's findings over every catalog and the bundled sample's data files, with paths
    /// relative to the resources folder.
    static func glossaryFindings(resources: ResourceLocator, catalogs: CatalogSet) throws -> [GlossaryChecker.Finding] {
        let glossaryURL = resources.localization.appendingPathComponent("GLOSSARY.md")
        let checker = GlossaryChecker(glossary: try Glossary(markdown: try String(contentsOf: glossaryURL, encoding: .utf8),
                                                             file: "Localization/GLOSSARY.md"))
        let root = resources.root.standardizedFileURL.path + "/"
        func relative(_ path: String) -> String { path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path }
        var findings: [GlossaryChecker.Finding] = []
        for language in LanguageTag.allCases where language != .english {
            guard let catalog = catalogs.catalogs[language] else { continue }
            findings += checker.check(catalog, language: language).map { finding in
                var finding = finding
                finding.file = relative(URL(fileURLWithPath: finding.file).standardizedFileURL.path)
                return finding
            }
        }
        let dataFiles = (try? FileManager.default.contentsOfDirectory(at: resources.sampleData, includingPropertiesForKeys: nil)) ?? []
        for url in dataFiles.filter({ $0.pathExtension == "yaml" }).sorted(by: { $0.path < $1.path }) {
            findings += checker.check(dataFile: try String(contentsOf: url, encoding: .utf8), file: relative(url.standardizedFileURL.path))
        }
        return findings
    }
}

/// `hamkor l10n extract`: writes the template from definitions, vocabulary and built-in captions.
struct L10nExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Write Localization/hamkor.pot from the report definitions, the vocabulary and built-in captions.")

    @Option(name: [.short, .long], help: ArgumentHelp("Where to write the template (default: Localization/hamkor.pot; - for stdout).", valueName: "PATH"))
    var output: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let console = global.console
        do {
            let resources = try ResourceLocator.locate(explicit: global.resources)
            let vocabulary = try Vocabulary.load(contentsOf: resources.vocabulary)
            let (definitions, failures) = try ReportDefinitionLoader(vocabulary: vocabulary).loadAll(in: resources.definitions)
            if let failure = failures.values.first { throw failure }
            let text = CatalogExtractor(vocabulary: vocabulary, definitions: definitions).template()
            if output == "-" { console.output(text); return }
            let url = output.map { URL(fileURLWithPath: $0) } ?? resources.localization.appendingPathComponent("hamkor.pot")
            try AtomicFileWriter.write(Data(text.utf8), to: url)
            console.info("wrote \(url.path)")
        } catch {
            throw failure(error, to: console)
        }
    }
}
