import HamkorLocalization

/// Text given in several languages; English is required and is the fallback.
public struct LocalizedText: Hashable, Sendable {
    /// Translations by language; always holds `.english`.
    public private(set) var values: [LanguageTag: String]

    /// Creates text from an English source and optional translations.
    public init(english: String, translations: [LanguageTag: String] = [:]) {
        var values = translations
        values[.english] = english
        self.values = values
    }

    /// The English text.
    public var english: String { values[.english] ?? "" }

    /// The text in a language, or `nil` when that translation is missing.
    public func exact(_ language: LanguageTag) -> String? { values[language] }

    /// The text in a language, falling back to English; `missing` is called on fallback.
    public func resolve(_ language: LanguageTag, missing: () throws -> Void = {}) rethrows -> String {
        if let text = values[language] { return text }
        try missing()
        return english
    }
}
