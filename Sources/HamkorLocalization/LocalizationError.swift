import Foundation

/// Errors raised while parsing language tags or reading translation catalogs.
public enum LocalizationError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A language tag Hamkor has no catalog for.
    case unknownLanguage(String)
    /// A PO file that does not parse; carries the file, 1-based line and a reason.
    case malformedCatalog(file: String, line: Int, reason: String)
    /// A catalog file that cannot be read.
    case unreadableCatalog(file: String, reason: String)
    /// A translation is missing and strict mode forbids the English fallback.
    case missingTranslation(language: String, context: String?, msgid: String)
    /// A template names a placeholder that was not supplied.
    case unboundPlaceholder(template: String, name: String)

    public var description: String {
        switch self {
        case .unknownLanguage(let tag):
            "unknown language '\(tag)'; available: \(LanguageTag.availableTags.joined(separator: ", "))"
        case .malformedCatalog(let file, let line, let reason):
            "\(file):\(line):1: error: \(reason)"
        case .unreadableCatalog(let file, let reason):
            "\(file): error: cannot read catalog: \(reason)"
        case .missingTranslation(let language, let context, let msgid):
            "missing \(language) translation for \(context.map { "[\($0)] " } ?? "")\"\(msgid)\""
        case .unboundPlaceholder(let template, let name):
            "placeholder {\(name)} in \"\(template)\" has no value"
        }
    }
}
