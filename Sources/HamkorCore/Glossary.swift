import Foundation
import HamkorLocalization

/// The checkable part of `Localization/GLOSSARY.md`: exact catalog terms and wordings to avoid.
///
/// Rows of a section whose heading names a `msgctxt` are the exact translations of that catalog
/// entry; rows of the "Enforcement" table are regular expressions that must not match a
/// language's text (optionally only where the English source has given words).
public struct Glossary: Sendable {
    /// One vocabulary row: the English msgid of an entry in `context`, and its required translations.
    public struct Term: Sendable {
        public var context: String
        public var english: String
        public var translations: [LanguageTag: String]
        /// The row's line in the glossary.
        public var line: Int
    }

    /// A wording that must not appear in `language`, and what to write instead.
    public struct Avoidance: Sendable {
        public var language: LanguageTag
        public var pattern: NSRegularExpression
        public var required: String
        /// Words the English source must contain for the rule to apply (none: always).
        public var whereEnglishHas: [String]
        public var line: Int
    }

    public var terms: [Term] = []
    public var avoidances: [Avoidance] = []

    /// Reads the glossary's tables.
    ///
    /// - Throws: ``GlossaryError`` for a pattern that is not a valid regular expression or an unknown language.
    public init(markdown: String, file: String = "GLOSSARY.md") throws {
        var context: String?
        var columns: [String] = []
        var inEnforcement = false
        for (offset, raw) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let text = String(raw)
            if text.hasPrefix("## ") {
                inEnforcement = text.hasPrefix("## Enforcement")
                context = text.range(of: #"`msgctxt "([^"]+)"`"#, options: .regularExpression).map { range in
                    String(text[range].dropFirst(10).dropLast(2))
                }
                columns = []
                continue
            }
            guard text.hasPrefix("|") else { continue }
            let cells = Self.cells(text)
            if cells.allSatisfy({ $0.allSatisfy { $0 == "-" } }) { continue }
            if columns.isEmpty { columns = cells; continue }
            if inEnforcement {
                guard cells.count >= 3 else { continue }
                guard let language = LanguageTag(rawValue: cells[0]) else { throw GlossaryError(file: file, line: line, "unknown language '\(cells[0])'") }
                let source = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
                let pattern: NSRegularExpression
                do { pattern = try NSRegularExpression(pattern: source) } catch {
                    throw GlossaryError(file: file, line: line, "'\(source)' is not a regular expression")
                }
                let condition = cells.count > 3 ? cells[3].split(separator: " ").map(String.init) : []
                avoidances.append(Avoidance(language: language, pattern: pattern, required: cells[2], whereEnglishHas: condition, line: line))
            } else if let context, columns.first == "term (en)" {
                var translations: [LanguageTag: String] = [:]
                for (index, column) in columns.enumerated() {
                    if let language = LanguageTag(rawValue: column), index < cells.count { translations[language] = cells[index] }
                }
                terms.append(Term(context: context, english: cells[0], translations: translations, line: line))
            }
        }
    }

    /// A table row's cells, split at `|` not escaped as `\|` (the only escape: `\b` stays as it is).
    static func cells(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        for character in row.replacingOccurrences(of: "\\|", with: "\u{0}").dropFirst() {
            if character == "|" { cells.append(current.trimmingCharacters(in: .whitespaces)); current = ""; continue }
            current.append(character == "\u{0}" ? "|" : character)
        }
        return cells
    }
}
