import Foundation

/// One of the report languages Hamkor ships, parsed from a BCP 47 tag.
///
/// Aliases resolve the way a user expects: `uz` and `uz-Latn` are Uzbek in Latin script,
/// `az` is `az-Latn`, and region subtags (`ru-RU`, `uz-UZ`, `az-AZ`, `en-GB`) are accepted and dropped.
public enum LanguageTag: String, CaseIterable, Sendable, Codable, Comparable {
    case english = "en"
    case uzbekLatin = "uz"
    case uzbekCyrillic = "uz-Cyrl"
    case azerbaijani = "az"
    case russian = "ru"

    /// Parses a BCP 47 tag (case-insensitive, `_` or `-` separated).
    ///
    /// - Throws: ``LocalizationError/unknownLanguage(_:)`` listing the available tags.
    public init(parsing raw: String) throws {
        let parts = raw.trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: "_", with: "-")
            .split(separator: "-")
            .map { $0.lowercased() }
        guard let language = parts.first else { throw LocalizationError.unknownLanguage(raw) }
        var script: String?
        for subtag in parts.dropFirst() {
            if subtag.count == 4, subtag.allSatisfy(\.isLetter) { script = subtag }
            else if subtag.count == 2 || (subtag.count == 3 && subtag.allSatisfy(\.isNumber)) { continue }  // region
            else if subtag == "cyrillic" { script = "cyrl" }  // gettext's uz@cyrillic spelling via uz-cyrillic
            else { throw LocalizationError.unknownLanguage(raw) }
        }
        switch (language, script) {
        case ("en", nil), ("en", "latn"): self = .english
        case ("uz", nil), ("uz", "latn"): self = .uzbekLatin
        case ("uz", "cyrl"): self = .uzbekCyrillic
        case ("az", nil), ("az", "latn"): self = .azerbaijani
        case ("ru", nil), ("ru", "cyrl"): self = .russian
        default: throw LocalizationError.unknownLanguage(raw)
        }
    }

    /// The canonical tag, as used in file names and manifests (`en`, `uz`, `uz-Cyrl`, `az`, `ru`).
    public var tag: String { rawValue }

    /// The ICU locale identifier used for CLDR number, date and name formatting.
    public var icuIdentifier: String {
        switch self {
        case .english: "en_US"
        case .uzbekLatin: "uz_Latn_UZ"
        case .uzbekCyrillic: "uz_Cyrl_UZ"
        case .azerbaijani: "az_Latn_AZ"
        case .russian: "ru_RU"
        }
    }

    /// The catalog file stem in `Localization/` (`uz.po`, `uz-Cyrl.po`, ...); English is the source language.
    public var catalogName: String { rawValue }

    /// The script the language is written in, for script-mixing checks.
    public var script: Script {
        switch self {
        case .english, .uzbekLatin, .azerbaijani: .latin
        case .uzbekCyrillic, .russian: .cyrillic
        }
    }

    /// The CLDR plural rule set for this language.
    public var pluralRules: PluralRules {
        switch self {
        case .english: .english
        case .uzbekLatin, .uzbekCyrillic: .uzbek
        case .azerbaijani: .azerbaijani
        case .russian: .russian
        }
    }

    /// Writing systems Hamkor's languages use.
    public enum Script: String, Sendable { case latin = "Latn", cyrillic = "Cyrl" }

    public static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The tags a user may type, in display order.
    public static var availableTags: [String] { allCases.map(\.rawValue) }
}

extension LanguageTag {
    /// The language's name in itself, as `hamkor list languages` shows it.
    public var autonym: String {
        switch self {
        case .english: "English"
        case .uzbekLatin: "oʻzbekcha"
        case .uzbekCyrillic: "ўзбекча"
        case .azerbaijani: "azərbaycan"
        case .russian: "русский"
        }
    }
}
