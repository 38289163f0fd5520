import Foundation
import Testing
@testable import HamkorCore
import HamkorLocalization

/// The Harmonized System 2022 in the vocabulary and the catalogs: 21 sections and the 96 chapters
/// goods are classified in (01–97; chapter 77 is reserved), each named in every language.
@Suite struct HSChapterTests {
    @Test func everyChapterIsNamedAndTheReservedOneIsNot() {
        let codes = TestSupport.vocabulary.codes(.hsChapters)
        #expect(codes == HSClassification.chapters)
        #expect(codes.count == 96 && !codes.contains("77") && codes.first == "01" && codes.last == "97")
        #expect(TestSupport.vocabulary.codes(.hsSections) == HSClassification.sections)
    }

    @Test func chaptersBelongToTheirSections() {
        let expected = ["01": "I", "05": "I", "06": "II", "14": "II", "15": "III", "24": "IV", "27": "V", "38": "VI",
                        "40": "VII", "43": "VIII", "46": "IX", "49": "X", "63": "XI", "67": "XII", "70": "XIII",
                        "71": "XIV", "83": "XV", "85": "XVI", "89": "XVII", "92": "XVIII", "93": "XIX", "96": "XX", "97": "XXI"]
        for (chapter, section) in expected { #expect(HSClassification.section(ofChapter: chapter) == section, "\(chapter)") }
        for bad in ["77", "00", "98", "7", "007", "٠٧"] { #expect(HSClassification.section(ofChapter: bad) == nil, "\(bad)") }
    }

    @Test func everyChapterIsTranslatedInEveryLanguage() throws {
        for language in LanguageTag.allCases where language != .english {
            let translator = TestSupport.engine.locale(for: language, strict: true).translator
            var names = Set<String>()
            for code in HSClassification.chapters {
                let english = try #require(TestSupport.vocabulary.englishName(of: code, in: .hsChapters))
                let name = try translator.text(english, context: Vocabulary.List.hsChapters.context)
                #expect(name != english && !name.isEmpty, "\(language) \(code)")
                names.insert(name)
            }
            // Chapters are told apart by name in every language.
            #expect(names.count == 96, "\(language)")
        }
    }

    @Test func aReservedOrUnknownChapterIsRefusedWithTheRule() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hamkor-hs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("trade.yaml")
        try """
        trade:
          - {reporter: UZ, partner: AZ, period: 2024, flow: export, chapter: "77", value: {amount: 1, currency: USD}}
          - {reporter: UZ, partner: AZ, period: 2024, flow: export, chapter: "98", value: {amount: 1, currency: USD}}
          - {reporter: UZ, partner: AZ, period: 2024, flow: export, chapter: "85", value: {amount: 1, currency: USD}}

        """.write(to: url, atomically: true, encoding: .utf8)
        let problems = TestSupport.problems(loading: [url]).map(\.description)
        #expect(problems.count == 2)
        #expect(problems.contains { $0.contains("trade.yaml:2:") && $0.contains("HS chapter 77 is reserved in HS 2022 for possible future use") })
        #expect(problems.contains { $0.contains("trade.yaml:3:") && $0.contains("unknown HS chapter code '98'; HS 2022 chapters are two digits, 01 to 97 (77 is reserved)") })
    }
}
