import Testing
@testable import HamkorLocalization

@Suite struct LanguageTagTests {
    @Test(arguments: [("en", LanguageTag.english), ("en-GB", .english), ("uz", .uzbekLatin), ("uz-Latn", .uzbekLatin),
                      ("uz-UZ", .uzbekLatin), ("uz_Latn_UZ", .uzbekLatin), ("uz-Cyrl", .uzbekCyrillic), ("UZ-CYRL-UZ", .uzbekCyrillic),
                      ("az", .azerbaijani), ("az-Latn-AZ", .azerbaijani), ("ru", .russian), ("ru-RU", .russian)])
    func aliases(_ raw: String, _ expected: LanguageTag) throws {
        #expect(try LanguageTag(parsing: raw) == expected)
    }

    @Test(arguments: ["de", "az-Cyrl", "", "ru-Latn", "english", "uz-Arab"])
    func unknownTagsListTheAvailableOnes(_ raw: String) {
        #expect(throws: LocalizationError.unknownLanguage(raw)) { try LanguageTag(parsing: raw) }
        #expect(LocalizationError.unknownLanguage(raw).description.contains("en, uz, uz-Cyrl, az, ru"))
    }

    @Test func autonyms() {
        #expect(LanguageTag.allCases.map(\.autonym) == ["English", "oʻzbekcha", "ўзбекча", "azərbaycan", "русский"])
    }
}
