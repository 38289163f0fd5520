import HamkorLocalization

/// Text given in several languages; English is required and is the fallback.
///
/// The translations are kept one after another in a single string, in ``LanguageTag/allCases``
/// order, with where each ends: a project name in five languages is one allocation instead of a
/// dictionary and five strings (a million projects: about 360 MB less; Benchmarks/README.md).
public struct LocalizedText: Hashable, Sendable {
    /// The texts, concatenated in `LanguageTag.allCases` order; a missing one adds nothing.
    private let joined: String
    /// Per language, by its position in `LanguageTag.allCases`: the UTF-8 offset in `joined`
    /// where its text ends, or -1 when there is none.
    private let ends: SIMD8<Int32>

    /// How many languages `ends` can hold; `LanguageProfileTests` checks the profile table fits.
    public static let languageCapacity = 8

    /// Creates text from an English source and optional translations.
    public init(english: String, translations: [LanguageTag: String] = [:]) {
        var ends = SIMD8<Int32>(repeating: -1)
        if translations.allSatisfy({ $0.key == .english }) {
            ends[Self.position(.english)] = Int32(english.utf8.count)
            joined = english
            self.ends = ends
            return
        }
        var joined = ""
        joined.reserveCapacity(english.utf8.count + translations.values.reduce(0) { $0 + $1.utf8.count })
        for language in LanguageTag.allCases {
            guard let text = language == .english ? english : translations[language] else { continue }
            joined += text
            ends[Self.position(language)] = Int32(joined.utf8.count)
        }
        self.joined = joined
        self.ends = ends
    }

    /// Text already laid out as this type keeps it: `joined` the texts in `LanguageTag.allCases`
    /// order, `ends` each one's UTF-8 end in `joined` by language position (-1: none). English
    /// must be there.
    init(joined: String, ends: SIMD8<Int32>) {
        self.joined = joined
        self.ends = ends
    }

    /// Translations by language; always holds `.english`.
    public var values: [LanguageTag: String] {
        var values: [LanguageTag: String] = [:]
        for language in LanguageTag.allCases { values[language] = exact(language) }
        return values
    }

    /// The English text.
    public var english: String { exact(.english) ?? "" }

    /// The text in a language, or `nil` when that translation is missing.
    public func exact(_ language: LanguageTag) -> String? {
        let position = Self.position(language)
        let end = Int(ends[position])
        guard end >= 0 else { return nil }
        var start = 0
        for earlier in 0..<position where ends[earlier] >= 0 { start = Int(ends[earlier]) }
        if start == 0 && end == joined.utf8.count { return joined }
        let utf8 = joined.utf8
        return String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)],
                      as: UTF8.self)
    }

    /// The text in a language, falling back to English; `missing` is called on fallback.
    public func resolve(_ language: LanguageTag, missing: () throws -> Void = {}) rethrows -> String {
        if let text = exact(language) { return text }
        try missing()
        return english
    }

    /// A language's place in `ends`: its row in the language profile table (at most eight).
    private static func position(_ language: LanguageTag) -> Int { language.index }
}
