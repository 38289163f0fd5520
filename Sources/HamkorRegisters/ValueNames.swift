import Foundation
import HamkorCore
import HamkorLocalization

/// What the names of codes, countries and yes/no are in every language, so a register may say
/// `Энергетика`, `Energetika` or `Energy` and still mean `energy`. Code names come from the
/// vocabulary and the translation catalogs; country names from CLDR.
struct ValueNames: Sendable {
    private var codes: [Vocabulary.List: [String: String]] = [:]
    private var countries: [String: String] = [:]

    static let flags: [String: String] = [
        "true": "true", "yes": "true", "1": "true", "да": "true", "ha": "true", "ҳа": "true", "bəli": "true", "hə": "true", "x": "true", "+": "true",
        "false": "false", "no": "false", "0": "false", "нет": "false", "yo'q": "false", "йўқ": "false", "xeyr": "false", "yox": "false", "-": "false",
    ]

    init(vocabulary: Vocabulary, catalogs: CatalogSet) {
        let translators = LanguageTag.allCases.map { catalogs.translator(for: $0) }
        for list in Vocabulary.List.allCases {
            var names: [String: String] = [:]
            for code in vocabulary.codes(list) {
                names[HeaderText.normalize(code)] = code
                guard let english = vocabulary.englishName(of: code, in: list) else { continue }
                for translator in translators {
                    if let name = try? translator.text(english, context: list.context) {
                        names[HeaderText.normalize(name)] = code
                    }
                }
            }
            codes[list] = names
        }
        for region in Locale.Region.isoRegions where region.identifier.count == 2 && region.identifier.allSatisfy(\.isLetter) {
            let code = region.identifier
            countries[HeaderText.normalize(code)] = code
            for language in LanguageTag.allCases {
                if let name = Locale(identifier: language.icuIdentifier).localizedString(forRegionCode: code) {
                    countries[HeaderText.normalize(name)] = code
                }
            }
        }
    }

    func code(_ text: String, in list: Vocabulary.List) -> String? { codes[list]?[HeaderText.normalize(text)] }

    func country(_ text: String) -> String? { countries[HeaderText.normalize(text)] }
}
