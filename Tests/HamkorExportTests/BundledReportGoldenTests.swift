import Foundation
import HamkorCore
@testable import HamkorExport
import HamkorLocalization
import Testing

/// Every bundled report × every language × (csv excel, csv data, txt) against golden files,
/// plus the properties every such output must have.
@Suite struct BundledReportGoldenTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let engine = try! ReportEngine(resources: ResourceLocator(root: repository))
    static let sample = try! engine.loadDataset([])
    static let generatedAt = Date(timeIntervalSince1970: 1_724_400_000)
    static let reports = engine.definitions.keys.sorted()

    struct Rendered {
        var excel: String
        var data: String
        var text: String
    }

    static func render(_ report: String, _ language: LanguageTag) throws -> Rendered {
        let diagnostics = DiagnosticLog()
        let document = try engine.document(report: report, dataset: sample, language: language, strict: true,
                                           generatedAt: generatedAt, diagnostics: diagnostics)
        let context = ExportContext(locale: engine.locale(for: language, strict: true), diagnostics: diagnostics)
        let excel = try CSVExporter(configuration: .excel).render(document, context: context)
        let data = try CSVExporter(configuration: .data).render(document, context: context)
        let text = TextBriefingExporter().render(document, context: context)
        return Rendered(excel: String(decoding: excel, as: UTF8.self), data: String(decoding: data, as: UTF8.self), text: text)
    }

    @Test(arguments: reports)
    func goldens(_ report: String) throws {
        for language in LanguageTag.allCases {
            let rendered = try Self.render(report, language)
            assertGolden(rendered.excel, named: "reports/\(report).\(language.tag).excel.csv")
            assertGolden(rendered.data, named: "reports/\(report).\(language.tag).data.csv")
            assertGolden(rendered.text, named: "reports/\(report).\(language.tag).txt")
        }
    }

    /// Splits stdout CSV (tables separated by one empty line) into tables of records.
    static func tables(_ csv: String, delimiter: Character = ",") throws -> [[[String]]] {
        var body = csv
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        let lineEnd = body.contains("\r\n") ? "\r\n" : "\n"
        return try body.components(separatedBy: lineEnd + lineEnd).filter { !$0.isEmpty }.map { chunk in
            try StrictCSVReader(delimiter: delimiter, lineEnding: lineEnd).parse(chunk.hasSuffix(lineEnd) ? chunk : chunk + lineEnd)
        }
    }

    @Test(arguments: reports)
    func csvParsesStrictlyWithTheSameShapeInEveryLanguage(_ report: String) throws {
        let english = try Self.render(report, .english)
        let shape = { (tables: [[[String]]]) in tables.map { table in table.map(\.count) } }
        let englishData = try Self.tables(english.data)
        for language in LanguageTag.allCases {
            let rendered = try Self.render(report, language)
            let data = try Self.tables(rendered.data)
            #expect(shape(data) == shape(englishData), "\(report) \(language) data")
            #expect(data.map { $0.first } == englishData.map { $0.first }, "data headers are stable ids")
            let excel = try Self.tables(rendered.excel, delimiter: language == .english ? "," : ";")
            #expect(excel.count >= data.count)
            for table in data + excel {
                for row in table {
                    for cell in row where FormulaNeutralizer.needsNeutralizing(cell) {
                        #expect(Decimal(string: cell) != nil || cell.range(of: #"^-?[0-9 ,.%]+$"#, options: .regularExpression) != nil,
                                "unneutralized formula-looking cell '\(cell)' in \(report) \(language)")
                    }
                }
            }
        }
    }

    @Test(arguments: reports)
    func briefingsFitTheWidthAndAreFullyTranslated(_ report: String) throws {
        for language in LanguageTag.allCases {
            let text = try Self.render(report, language).text
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(DisplayWidth.of(String(line)) <= 78, "\(report) \(language): '\(line)'")
            }
            #expect(!text.contains("{") && !text.contains("}"), "a raw placeholder in \(report) \(language)")
            guard language != .english else { continue }
            let words = text.split { !$0.isLetter }.map(String.init)
            switch language.script {
            case .cyrillic:
                let latin = words.filter { $0.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) } }
                #expect(Set(latin).subtracting(["US", "USD", "UTC"]).isEmpty, "Latin words in \(report) \(language): \(Set(latin))")
            case .latin:
                let cyrillic = words.filter { $0.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } }
                #expect(cyrillic.isEmpty, "Cyrillic words in \(report) \(language): \(cyrillic)")
                let english = Set(words.map { $0.lowercased() }).intersection(Self.englishOnlyWords(for: language))
                #expect(english.isEmpty, "English words in \(report) \(language): \(english.sorted())")
            }
            if language == .uzbekLatin {
                #expect(text.range(of: #"[oOgG]['‘’`]"#, options: .regularExpression) == nil, "oʻ/gʻ must use U+02BB in \(report)")
            }
        }
    }

    /// The letters of a word: Unicode letters and the Uzbek modifier letters `ʻ ʼ`.
    static func isWordLetter(_ character: Character) -> Bool {
        character.isLetter || character == "\u{02BB}" || character == "\u{02BC}"
    }

    /// Every run of letters in a text, with whether a hyphen ends the line right after it.
    static func letterRuns(_ text: String) -> [(run: String, hyphenatedAtLineEnd: Bool)] {
        var runs: [(String, Bool)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let characters = Array(line)
            var index = 0
            while index < characters.count {
                guard isWordLetter(characters[index]) else { index += 1; continue }
                var end = index
                while end < characters.count, isWordLetter(characters[end]) { end += 1 }
                let hyphenated = end + 1 == characters.count && characters[end] == "-"
                    || end + 1 < characters.count && characters[end] == "-" && characters[end + 1] == " "
                runs.append((String(characters[index..<end]), hyphenated))
                index = end
            }
        }
        return runs
    }

    /// No word is cut silently in any text golden, at any width: every run of letters in the
    /// output is a whole word of the unwrapped text, the head of a word hyphenated at the line's
    /// end, or the rest of such a word. (A silent cut leaves a head with no hyphen:
    /// `фотоэлектрич|еская`, `Kelishilga|n`, `Razılaşdırı|lmış`.)
    @Test(arguments: reports)
    func noWordIsCutSilently(_ report: String) throws {
        for language in LanguageTag.allCases {
            let document = try Self.engine.document(report: report, dataset: Self.sample, language: language,
                                                    generatedAt: Self.generatedAt)
            let context = ExportContext(locale: Self.engine.locale(for: language))
            let unwrapped = TextBriefingExporter(configuration: TextConfiguration(width: 100_000)).render(document, context: context)
            let words = Set(Self.letterRuns(unwrapped).map(\.run))
            var outputs = [("golden", try String(contentsOf: GoldenFiles.folder.appendingPathComponent("reports/\(report).\(language.tag).txt"),
                                                  encoding: .utf8))]
            for width in [40, 60] {
                outputs.append(("width \(width)", TextBriefingExporter(configuration: TextConfiguration(width: width)).render(document, context: context)))
            }
            for (name, text) in outputs {
                for (run, hyphenated) in Self.letterRuns(text) where !words.contains(run) {
                    // A head (or, for a word hyphenated twice, a middle part) ends its line with a hyphen.
                    let isHead = hyphenated && words.contains { $0.contains(run) }
                    let isRest = words.contains { $0.hasSuffix(run) && $0 != run }
                    #expect(isHead || isRest, "\(report) \(language) \(name): '\(run)' is a cut word")
                }
            }
        }
    }

    /// Proper names and international words that Uzbek or Azerbaijani write exactly as English
    /// does while the other language spells them its own way (Uzbek "Shahrisabz" and
    /// "Navoiy", "transport"; Azerbaijani "Zakirov", "Sabirabad", "regional", "status", "region";
    /// Turkish "Fergana", "platform", "transit").
    static let sharedWords: Set<String> = ["shahrisabz", "aliyev", "beylagan", "guba", "navoiy", "sumgait", "sabirabad", "transport", "zakirov",
                                             "regional", "status", "region", "platform", "transit", "fergana"]

    static func words(_ text: String) -> Set<String> {
        Set(text.split { !$0.isLetter }.map { $0.lowercased() }.filter { $0.count >= 4 })
    }

    /// Words of the English source — catalog messages and the sample's English texts — that no
    /// *other* non-English language uses. Proper names ("Shahrisabz") and international words
    /// ("transport") appear in the other languages too and so do not count as English; a
    /// message left in English (or copied from the source) in the language under test does.
    static func englishOnlyWords(for language: LanguageTag) -> Set<String> {
        var english = Set<String>()
        var others = Set<String>()
        let otherLanguages = LanguageTag.allCases.filter { $0 != .english && $0 != language }
        for (tag, catalog) in engine.catalogs.catalogs {
            for entry in catalog.entries {
                if tag == language { english.formUnion(words(entry.msgid + " " + (entry.msgidPlural ?? ""))) }
                if otherLanguages.contains(tag) { others.formUnion(words(entry.msgstr.joined(separator: " "))) }
            }
        }
        var texts: [LocalizedText] = sample.projects.map(\.name) + sample.agreements.map(\.title) + sample.places.map(\.name)
        texts += sample.events.map(\.title) + sample.exchanges.map(\.title) + sample.honours.flatMap { [$0.title, $0.recipient] }
        texts += sample.info.sources
        for text in texts {
            english.formUnion(words(text.english))
            for other in otherLanguages { others.formUnion(words(text.exact(other) ?? "")) }
        }
        return english.subtracting(others).subtracting(sharedWords)
    }
}
