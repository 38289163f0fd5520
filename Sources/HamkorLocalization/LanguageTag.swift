import Foundation

/// One of the report languages Hamkor ships (a row of ``LanguageProfile/all``), parsed from a BCP 47 tag.
///
/// Aliases resolve the way a user expects: `uz` and `uz-Latn` are Uzbek in Latin script,
/// `az` is `az-Latn`, and region subtags (`ru-RU`, `uz-UZ`, `az-AZ`, `tr-TR`, `en-GB`) are accepted and dropped.
/// The named constants are conveniences for code and tests; every language, named or not,
/// comes from the profile table.
public struct LanguageTag: RawRepresentable, Hashable, CaseIterable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The canonical tag.
    public let rawValue: String
    /// The position of the language's row in ``LanguageProfile/all``.
    public let index: Int

    /// The language whose canonical tag is exactly `rawValue`, if Hamkor has it.
    public init?(rawValue: String) {
        guard let index = LanguageProfile.all.firstIndex(where: { $0.tag == rawValue }) else { return nil }
        self.rawValue = rawValue
        self.index = index
    }

    private init(known tag: String) { self.init(rawValue: tag)! }

    public static let english = LanguageTag(known: "en")
    public static let uzbekLatin = LanguageTag(known: "uz")
    public static let uzbekCyrillic = LanguageTag(known: "uz-Cyrl")
    public static let azerbaijani = LanguageTag(known: "az")
    public static let russian = LanguageTag(known: "ru")
    public static let turkish = LanguageTag(known: "tr")

    /// Every language, in the profile table's order.
    public static let allCases: [LanguageTag] = LanguageProfile.all.map { LanguageTag(known: $0.tag) }

    /// Parses a BCP 47 tag (case-insensitive, `_` or `-` separated).
    ///
    /// - Throws: ``LocalizationError/unknownLanguage(_:)`` listing the available tags.
    public init(parsing raw: String) throws {
        // ASCII-only lowering: the process locale (tr_TR, az_AZ) must never turn `I` into `ı`.
        let parts = raw.trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: "_", with: "-")
            .split(separator: "-")
            .map { String($0).asciiLowercased }
        guard let language = parts.first else { throw LocalizationError.unknownLanguage(raw) }
        var script: String?
        for subtag in parts.dropFirst() {
            if subtag.count == 4, subtag.allSatisfy(\.isLetter) { script = subtag }
            else if subtag.count == 2 || (subtag.count == 3 && subtag.allSatisfy(\.isNumber)) { continue }  // region
            else if subtag == "cyrillic" { script = "cyrl" }  // gettext's uz@cyrillic spelling via uz-cyrillic
            else { throw LocalizationError.unknownLanguage(raw) }
        }
        let match = LanguageProfile.all.first { profile in
            profile.languageSubtag == language
                && (script == nil ? profile.isDefaultScript : profile.script.rawValue.asciiLowercased == script)
        }
        guard let match else { throw LocalizationError.unknownLanguage(raw) }
        self.init(known: match.tag)
    }

    /// Decodes a canonical tag or any alias ``init(parsing:)`` accepts.
    public init(from decoder: Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The language's row in the profile table.
    public var profile: LanguageProfile { LanguageProfile.all[index] }

    /// The canonical tag, as used in file names and manifests (`en`, `uz`, `uz-Cyrl`, `az`, `ru`, `tr`).
    public var tag: String { rawValue }

    public var description: String { rawValue }

    /// The ICU locale identifier used for CLDR number, date and name formatting.
    public var icuIdentifier: String { profile.icuIdentifier }

    /// The catalog file stem in `Localization/` (`uz.po`, `uz-Cyrl.po`, ...); English is the source language.
    public var catalogName: String { rawValue }

    /// The script the language is written in, for script-mixing checks.
    public var script: Script { profile.script }

    /// The CLDR plural rule set for this language.
    public var pluralRules: PluralRules { profile.pluralRules }

    /// The language's name in itself, as `hamkor list languages` shows it.
    public var autonym: String { profile.autonym }

    /// Writing systems Hamkor's languages use.
    public enum Script: String, Sendable { case latin = "Latn", cyrillic = "Cyrl" }

    public static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool { lhs.index < rhs.index }

    /// The tags a user may type, in display order.
    public static var availableTags: [String] { allCases.map(\.rawValue) }
}

extension String {
    /// The text with ASCII `A`–`Z` lowered and everything else kept: identifiers, codes and tags
    /// are compared this way so that no process locale (Turkish, Azerbaijani `I` → `ı`) takes part.
    public var asciiLowercased: String {
        String(decoding: utf8.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// The text with ASCII `a`–`z` raised and everything else kept (never `i` → `İ`).
    public var asciiUppercased: String {
        String(decoding: utf8.map { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) ? $0 - 32 : $0 }, as: UTF8.self)
    }
}
