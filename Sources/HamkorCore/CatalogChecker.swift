import HamkorLocalization

/// Checks one language's catalog against the template: coverage, placeholders, plural forms, lengths.
public struct CatalogChecker: Sendable {
    /// What the check found.
    public struct Result: Sendable {
        public var translated = 0
        public var missing: [MessageKey] = []
        public var fuzzy: [MessageKey] = []
        public var placeholderMismatches: [MessageKey] = []
        public var pluralProblems: [MessageKey] = []
        public var tooLong: [MessageKey] = []
        /// Human-readable lines, one per problem.
        public var details: [String] = []

        public var problemCount: Int {
            missing.count + fuzzy.count + placeholderMismatches.count + pluralProblems.count + tooLong.count
        }
    }

    /// Where a string goes limits its length: Excel sheet names to 31 characters.
    public static let maxLength: [String: Int] = ["sheet name": 31]

    public let language: LanguageTag
    public let template: [POEntry]
    public let catalog: POCatalog

    public init(language: LanguageTag, template: [POEntry], catalog: POCatalog) {
        self.language = language
        self.template = template
        self.catalog = catalog
    }

    public func check() -> Result {
        var result = Result()
        let forms = language.pluralRules.categories.count
        if let declared = catalog.pluralCount, declared != forms {
            result.details.append("Plural-Forms declares nplurals=\(declared); \(language.tag) has \(forms) CLDR categories")
        }
        for source in template {
            let key = source.key
            guard let entry = catalog.entry(for: key), entry.isTranslated else {
                result.missing.append(key); result.details.append("missing: \(key)"); continue
            }
            if entry.isFuzzy { result.fuzzy.append(key); result.details.append("fuzzy: \(key)"); continue }
            result.translated += 1
            if source.msgidPlural != nil && entry.msgstr.count != forms {
                result.pluralProblems.append(key)
                result.details.append("plural: \(key) has \(entry.msgstr.count) forms, \(language.tag) needs \(forms) (\(language.pluralRules.categories.map(\.rawValue).joined(separator: ", ")))")
            }
            let expected = Set(PlaceholderTemplate(source.msgid).placeholders + PlaceholderTemplate(source.msgidPlural ?? "").placeholders)
            for text in entry.msgstr where Set(PlaceholderTemplate(text).placeholders) != expected {
                result.placeholderMismatches.append(key)
                result.details.append("placeholders: \(key): \"\(text)\" uses \(PlaceholderTemplate(text).placeholders.sorted()), expected \(expected.sorted())")
                break
            }
            if let context = key.context, let limit = Self.maxLength[context], let text = entry.msgstr.first, text.count > limit {
                result.tooLong.append(key)
                result.details.append("too long: \(key): \"\(text)\" has \(text.count) characters; at most \(limit) fit")
            }
        }
        return result
    }
}
