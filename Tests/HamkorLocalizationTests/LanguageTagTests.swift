import Foundation
import Testing
@testable import HamkorLocalization

@Suite struct LanguageTagTests {
    @Test(arguments: [("en", LanguageTag.english), ("en-GB", .english), ("uz", .uzbekLatin), ("uz-Latn", .uzbekLatin),
                      ("uz-UZ", .uzbekLatin), ("uz_Latn_UZ", .uzbekLatin), ("uz-Cyrl", .uzbekCyrillic), ("UZ-CYRL-UZ", .uzbekCyrillic),
                      ("az", .azerbaijani), ("az-Latn-AZ", .azerbaijani), ("ru", .russian), ("ru-RU", .russian),
                      ("tr", .turkish), ("tr-TR", .turkish), ("TR_tr", .turkish), ("tr-Latn", .turkish)])
    func aliases(_ raw: String, _ expected: LanguageTag) throws {
        #expect(try LanguageTag(parsing: raw) == expected)
    }

    @Test(arguments: ["de", "az-Cyrl", "", "ru-Latn", "english", "uz-Arab", "tr-Cyrl"])
    func unknownTagsListTheAvailableOnes(_ raw: String) {
        #expect(throws: LocalizationError.unknownLanguage(raw)) { try LanguageTag(parsing: raw) }
        #expect(LocalizationError.unknownLanguage(raw).description.contains("en, uz, uz-Cyrl, az, ru, tr"))
    }

    @Test func autonyms() {
        #expect(LanguageTag.allCases.map(\.autonym) == ["English", "oʻzbekcha", "ўзбекча", "azərbaycan", "русский", "Türkçe"])
    }

    /// Tags are matched without case mapping through the process locale: `TR`, `İ`-free ASCII only.
    @Test func tagsAreCodableByCanonicalTagAndAlias() throws {
        let encoded = try JSONEncoder().encode([LanguageTag.turkish, .uzbekCyrillic])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["tr","uz-Cyrl"]"#)
        #expect(try JSONDecoder().decode([LanguageTag].self, from: Data(#"["tr-TR","uz_Cyrl"]"#.utf8)) == [.turkish, .uzbekCyrillic])
        #expect("TITLE İi".asciiLowercased == "title İi" && "title ıi".asciiUppercased == "TITLE ıI")
    }
}
