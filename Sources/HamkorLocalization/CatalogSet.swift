import Foundation

/// All translation catalogs of a `Localization/` folder: the template and one catalog per language.
public struct CatalogSet: Sendable {
    /// The template (`hamkor.pot`): every message the product uses, in English.
    public let template: POCatalog
    /// One catalog per non-English language.
    public let catalogs: [LanguageTag: POCatalog]

    public init(template: POCatalog, catalogs: [LanguageTag: POCatalog]) {
        self.template = template
        self.catalogs = catalogs
    }

    /// Loads `hamkor.pot` and `<tag>.po` for every non-English language from a folder.
    public static func load(from directory: URL) throws -> CatalogSet {
        let template = try POCatalog.load(contentsOf: directory.appendingPathComponent("hamkor.pot"))
        var catalogs: [LanguageTag: POCatalog] = [:]
        for language in LanguageTag.allCases where language != .english {
            let url = directory.appendingPathComponent("\(language.catalogName).po")
            catalogs[language] = try POCatalog.load(contentsOf: url)
        }
        return CatalogSet(template: template, catalogs: catalogs)
    }

    /// A translator for one language.
    public func translator(for language: LanguageTag, strict: Bool = false,
                           onMissing: @escaping @Sendable (MessageKey) -> Void = { _ in }) -> Translator {
        Translator(language: language, catalog: catalogs[language], strict: strict, onMissing: onMissing)
    }
}
