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
        /// Problems of the `Plural-Forms` header: missing where plural messages need it, not
        /// valid, or choosing other forms than the language's CLDR rules.
        public var headerProblems: [String] = []
        /// Human-readable lines, one per problem, each starting `FILE:LINE:` where it has one.
        public var details: [String] = []

        public var problemCount: Int {
            missing.count + fuzzy.count + placeholderMismatches.count + pluralProblems.count + tooLong.count + headerProblems.count
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
        if let problem = pluralFormsProblem(needed: template.contains { $0.msgidPlural != nil }) {
            result.headerProblems.append(problem)
            result.details.append(problem)
        }
        for source in template {
            let key = source.key
            guard let entry = catalog.entry(for: key), entry.isTranslated else {
                result.missing.append(key); result.details.append("missing: \(key)"); continue
            }
            if entry.isFuzzy { result.fuzzy.append(key); result.details.append("\(at(entry.line))fuzzy: \(key)"); continue }
            result.translated += 1
            if source.msgidPlural != nil && entry.msgstr.count != forms {
                result.pluralProblems.append(key)
                result.details.append("\(at(entry.line))plural: \(key) has \(entry.msgstr.count) forms, \(language.tag) needs \(forms) (\(language.pluralRules.categories.map(\.rawValue).joined(separator: ", ")))")
            }
            let expected = Set(PlaceholderTemplate(source.msgid).placeholders + PlaceholderTemplate(source.msgidPlural ?? "").placeholders)
            for (form, text) in entry.msgstr.enumerated() where Set(PlaceholderTemplate(text).placeholders) != expected {
                result.placeholderMismatches.append(key)
                result.details.append("\(at(entry.line(ofForm: form)))placeholders: \(key): \"\(text)\" uses \(PlaceholderTemplate(text).placeholders.sorted()), expected \(expected.sorted())")
                break
            }
            if let context = key.context, let limit = Self.maxLength[context], let text = entry.msgstr.first, text.count > limit {
                result.tooLong.append(key)
                result.details.append("\(at(entry.line(ofForm: 0)))too long: \(key): \"\(text)\" has \(text.count) characters; at most \(limit) fit")
            }
        }
        return result
    }

    /// `FILE:LINE: ` of the catalog, for the start of a detail line.
    private func at(_ line: Int) -> String { "\(catalog.file):\(line): " }

    /// What is wrong with the catalog's `Plural-Forms` header, as a located line, or `nil`.
    /// The header must be valid wherever it is written; it must be written when the template
    /// has plural messages (`needed`), as msgfmt requires. Its forms must be the language's:
    /// as many as its CLDR categories, and for n = 0…1000 the form ``PluralRules`` picks.
    func pluralFormsProblem(needed: Bool) -> String? {
        guard let header = catalog.header["Plural-Forms"] else {
            return needed ? "\(at(1))Plural-Forms: the header is missing; \(language.tag) needs "
                + "nplurals=\(language.pluralRules.categories.count) and its plural expression" : nil
        }
        let place = at(catalog.headerLines["Plural-Forms"] ?? 1) + "Plural-Forms: "
        let forms: PluralForms
        do { forms = try PluralForms(parsing: header) } catch { return place + "\(error)" }
        if let problem = forms.rangeProblem() { return place + problem.message }
        let rules = language.pluralRules
        guard forms.count == rules.categories.count else {
            return place + "nplurals=\(forms.count), but \(language.tag) has \(rules.categories.count) CLDR categories "
                + "(\(rules.categories.map(\.rawValue).joined(separator: ", ")))"
        }
        for n in 0...1000 {
            let expected = rules.index(of: rules.category(for: n))
            if let index = forms.index(for: UInt64(n)), index != UInt64(expected) {
                return place + "the plural expression gives form \(index) for n = \(n), but \(language.tag) uses form "
                    + "\(expected) (\(rules.categories[expected].rawValue)) there"
            }
        }
        return nil
    }
}
