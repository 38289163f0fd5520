import ArgumentParser
import Foundation
import HamkorCore
import HamkorLocalization

/// `hamkor list`: the reports, languages or formats available.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the available reports, languages or formats.",
        discussion: """
        Examples:
          hamkor list reports --lang ru     # report ids with their Russian titles
          hamkor list languages
          hamkor list formats
        """)

    enum What: String, ExpressibleByArgument, CaseIterable { case reports, languages, formats }

    @Argument(help: "What to list: reports, languages or formats.")
    var what: What

    @Option(name: .long, help: ArgumentHelp("Language of report titles.", valueName: "TAG"))
    var lang = "en"

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let console = global.console
        do {
            switch what {
            case .languages:
                for language in LanguageTag.allCases {
                    console.output("\(language.tag.padding(toLength: 8, withPad: " ", startingAt: 0))\(language.autonym)")
                }
            case .formats:
                let registry = BuiltInExporters.registry()
                for id in registry.formatIDs {
                    let exporter = try registry.exporter(for: id)
                    console.output("\(id.padding(toLength: 6, withPad: " ", startingAt: 0))\(type(of: exporter).summary)")
                }
            case .reports:
                let language = try LanguageTag(parsing: lang)
                let engine = try global.engine()
                let translator = engine.catalogs.translator(for: language)
                for id in engine.reportIDs {
                    if let definition = engine.definitions[id] {
                        var title = (try? translator.text(definition.title, context: "report title")) ?? definition.title
                        // Placeholders depend on parameters; the parameters are listed after the title.
                        let template = PlaceholderTemplate(title)
                        title = (try? template.render(Dictionary(uniqueKeysWithValues: template.placeholders.map { ($0, "…") }))) ?? title
                        let parameters = definition.parameters.isEmpty ? ""
                            : "  (--param " + definition.parameters.map { "\($0.name)=\($0.kind == .period ? "PERIOD" : $0.kind == .partner ? "CODE" : "VALUE")" }.joined(separator: " --param ") + ")"
                        console.output("\(id.padding(toLength: 14, withPad: " ", startingAt: 0))\(title)\(parameters)")
                    } else {
                        console.output("\(id.padding(toLength: 14, withPad: " ", startingAt: 0))(invalid definition: run `hamkor report \(id)` for details)")
                    }
                }
            }
        } catch {
            throw failure(error, to: console)
        }
    }
}
