import Foundation
import Testing
@testable import HamkorCore
import HamkorLocalization

/// A report's tables, key figures and paragraphs are computed side by side; its document, its
/// diagnostics (data texts and catalog entries missing in the language, interleaved) and a
/// strict build's error are those of computing them one section after another.
@Suite struct ConcurrentSectionsTests {
    typealias Random = SplitMix

    /// The sample with 300 random projects added (names, places and sources without some languages).
    static let dataset: Dataset = {
        var random = Random(seed: 31)
        var dataset = try! TestSupport.engine.loadDataset([])
        let places = dataset.places.map(\.code)
        let sectors = TestSupport.vocabulary.codes(.sectors)
        dataset.projects = ProjectColumns(Array(dataset.projects)
            + (0..<300).map { ProjectColumnsTests.project($0, &random, places: places, sectors: sectors) })
        return dataset
    }()

    /// The document and diagnostics of `report` in `language`, translated without a catalog (every
    /// catalog entry missing) unless the language is English; or the error that stopped it.
    static func build(_ report: String, _ language: LanguageTag, strict: Bool) -> String {
        let log = DiagnosticLog()
        let translator = Translator(language: language, catalog: nil, strict: strict) { key in
            log.report(Diagnostic(.warning, "missing \(language.tag) translation for \(key)"))
        }
        do {
            let document = try ReportBuilder(dataset: dataset, vocabulary: TestSupport.vocabulary,
                                             locale: ReportLocale(language: language, translator: translator),
                                             generatedAt: TestSupport.fixedDate, diagnostics: log)
                .build(try TestSupport.engine.definition(report))
            return String(reflecting: document) + "\n" + log.diagnostics.map(\.description).joined(separator: "\n")
        } catch {
            return "error: \(error)\n" + log.diagnostics.map(\.description).joined(separator: "\n")
        }
    }

    @Test(arguments: [LanguageTag.russian, .uzbekCyrillic, .english])
    func sideBySideSectionsGiveTheDocumentAndDiagnosticsOfOneAfterAnother(_ language: LanguageTag) throws {
        for report in ["portfolio", "briefing", "agreements", "trade"] {
            for strict in [false, true] {
                let reference = ConcurrentSections.$computesSideBySide.withValue(false) { Self.build(report, language, strict: strict) }
                if language != .english && !strict {
                    #expect(reference.contains("translation for"), "\(report)")
                    if report == "portfolio" { #expect(reference.contains("English is used")) }
                }
                // Several times: the sections finish in a different order from run to run.
                for _ in 0..<5 {
                    #expect(Self.build(report, language, strict: strict) == reference, "\(report) \(language.tag), strict: \(strict)")
                }
            }
        }
    }
}
