import Foundation

/// Everything Hamkor knows about one report language, in one row of ``LanguageProfile/all``.
///
/// Adding a language is one row here plus `Localization/TAG.po`: language tags, the CSV
/// `name.TAG` columns, `--lang` help, `hamkor list languages`, data-text storage, collation,
/// date styles and CLDR fix-ups all read this table, and `LanguageProfileTests` fails when a
/// row or its catalog is incomplete.
public struct LanguageProfile: Sendable {
    /// The canonical BCP 47 tag used in file names, manifests and `name.TAG` columns.
    public let tag: String
    /// The ISO 639 language subtag a user may type (`uz` for both Uzbek scripts).
    public let languageSubtag: String
    /// The ICU locale for CLDR number, date and name formatting.
    public let icuIdentifier: String
    /// The writing system, for script-mixing checks.
    public let script: LanguageTag.Script
    /// Whether this is the script a bare `languageSubtag` selects (`uz` → Latin).
    public let isDefaultScript: Bool
    /// The CLDR cardinal plural rules.
    public let pluralRules: PluralRules
    /// The language's name in itself.
    public let autonym: String
    /// The ICU locale whose collation orders text (`az`: Ç after C, Ə after E, Q after K).
    public let collation: String
    /// The long date for running text, as an ICU pattern following the language's official usage.
    public let proseDatePattern: String
    /// The numeric date for tables, as an ICU pattern.
    public let tableDatePattern: String
    /// Where CLDR data as shipped with Foundation on Linux needs correcting for this language.
    public let fixUps: Set<CLDRFixUp>
    /// CLDR's short scale abbreviations that running text spells out (`B` → `billion`, `Mr` → `milyar`).
    public var proseScaleWords: [String: String] = [:]

    /// Corrections applied to ICU output, each for a known gap or quirk of CLDR data.
    public enum CLDRFixUp: String, Sendable, CaseIterable {
        /// Uzbek Latin `o‘ g‘` written with U+2018 instead of the letter U+02BB.
        case uzbekModifierLetter
        /// No "date at time" pattern: the long date and the time are joined with a space.
        case dateTimeJoinedBySpace
        /// Compact numbers glued to their scale word (`2,1млрд`): a no-break space is put between.
        case compactScaleSpacing
        /// Uzbek Cyrillic month names without the soft sign official spelling has (`декабр` → `декабрь`).
        case uzbekCyrillicMonthSoftSign
    }

    /// The report languages, in display order; English is the source language and comes first.
    public static let all: [LanguageProfile] = [
        LanguageProfile(tag: "en", languageSubtag: "en", icuIdentifier: "en_US", script: .latin, isDefaultScript: true,
                        pluralRules: .english, autonym: "English", collation: "en",
                        proseDatePattern: "d MMMM y", tableDatePattern: "yyyy-MM-dd", fixUps: [],
                        proseScaleWords: ["K": "thousand", "M": "million", "B": "billion", "T": "trillion"]),
        LanguageProfile(tag: "uz", languageSubtag: "uz", icuIdentifier: "uz_Latn_UZ", script: .latin, isDefaultScript: true,
                        pluralRules: .uzbek, autonym: "oʻzbekcha", collation: "uz_Latn",
                        proseDatePattern: "y-'yil' d-MMMM", tableDatePattern: "dd.MM.yyyy",
                        fixUps: [.uzbekModifierLetter]),
        LanguageProfile(tag: "uz-Cyrl", languageSubtag: "uz", icuIdentifier: "uz_Cyrl_UZ", script: .cyrillic, isDefaultScript: false,
                        pluralRules: .uzbek, autonym: "ўзбекча", collation: "uz_Cyrl",
                        proseDatePattern: "y 'йил' d MMMM", tableDatePattern: "dd.MM.yyyy",
                        fixUps: [.compactScaleSpacing, .uzbekCyrillicMonthSoftSign]),
        LanguageProfile(tag: "az", languageSubtag: "az", icuIdentifier: "az_Latn_AZ", script: .latin, isDefaultScript: true,
                        pluralRules: .azerbaijani, autonym: "azərbaycan", collation: "az",
                        proseDatePattern: "d MMMM y", tableDatePattern: "dd.MM.yyyy", fixUps: [.dateTimeJoinedBySpace]),
        LanguageProfile(tag: "ru", languageSubtag: "ru", icuIdentifier: "ru_RU", script: .cyrillic, isDefaultScript: true,
                        pluralRules: .russian, autonym: "русский", collation: "ru",
                        proseDatePattern: "d MMMM y\u{00A0}'г.'", tableDatePattern: "dd.MM.yyyy", fixUps: []),
        LanguageProfile(tag: "tr", languageSubtag: "tr", icuIdentifier: "tr_TR", script: .latin, isDefaultScript: true,
                        pluralRules: .turkish, autonym: "Türkçe", collation: "tr",
                        proseDatePattern: "d MMMM y", tableDatePattern: "dd.MM.yyyy", fixUps: [],
                        proseScaleWords: ["B": "bin", "Mn": "milyon", "Mr": "milyar", "Tn": "trilyon"]),
    ]

    /// The row for a canonical tag.
    static func profile(for tag: String) -> LanguageProfile? { all.first { $0.tag == tag } }
}
