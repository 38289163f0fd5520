import Foundation

/// Looks up the translations of one language, falling back to English.
///
/// A missing or fuzzy translation returns the English source and is reported through
/// `onMissing`, so a batch can collect it as a diagnostic; in strict mode the lookup throws.
public struct Translator: Sendable {
    /// The language this translator renders.
    public let language: LanguageTag
    private let catalog: POCatalog?
    private let strict: Bool
    /// Whether a missing translation is an error rather than an English fallback.
    public var isStrict: Bool { strict }
    private let onMissing: @Sendable (MessageKey) -> Void

    /// Creates a translator. `catalog` is `nil` for English, the source language.
    public init(language: LanguageTag, catalog: POCatalog?, strict: Bool = false,
                onMissing: @escaping @Sendable (MessageKey) -> Void = { _ in }) {
        self.language = language
        self.catalog = catalog
        self.strict = strict
        self.onMissing = onMissing
    }

    /// The translation of a singular message.
    public func text(_ msgid: String, context: String? = nil) throws -> String {
        let key = MessageKey(context: context, msgid: msgid)
        guard language != .english else { return msgid }
        if let entry = catalog?.entry(for: key), !entry.isFuzzy, let first = entry.msgstr.first, !first.isEmpty {
            return first
        }
        try missing(key)
        return msgid
    }

    /// The translation of a plural message, picking the form for the number as displayed.
    ///
    /// - Parameters:
    ///   - singular: the English `msgid` (the `one` form).
    ///   - plural: the English `msgid_plural`.
    ///   - category: the CLDR category of the displayed number, from ``PluralRules``.
    public func plural(_ singular: String, _ plural: String, category: PluralCategory, context: String? = nil) throws -> String {
        let key = MessageKey(context: context, msgid: singular)
        if language == .english { return category == .one ? singular : plural }
        if let entry = catalog?.entry(for: key), !entry.isFuzzy {
            let index = language.pluralRules.index(of: category)
            if entry.msgstr.indices.contains(index), !entry.msgstr[index].isEmpty { return entry.msgstr[index] }
        }
        try missing(key)
        return category == .one ? singular : plural
    }

    /// This translator with its missing translations handed to `onMissing` instead: for a part
    /// of a report built beside others, which records them to replay through
    /// ``reportMissing(_:)`` in the report's order.
    public func reporting(to onMissing: @escaping @Sendable (MessageKey) -> Void) -> Translator {
        Translator(language: language, catalog: catalog, strict: strict, onMissing: onMissing)
    }

    /// Reports `key` as a missing translation, as a lookup that missed it does.
    public func reportMissing(_ key: MessageKey) {
        onMissing(key)
    }

    private func missing(_ key: MessageKey) throws {
        if strict { throw LocalizationError.missingTranslation(language: language.tag, context: key.context, msgid: key.msgid) }
        onMissing(key)
    }
}
