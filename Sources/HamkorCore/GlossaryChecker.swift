import Foundation
import HamkorLocalization

/// Checks catalogs and data texts against the ``Glossary``, so terminology cannot drift back.
public struct GlossaryChecker: Sendable {
    /// One place where a text disagrees with the glossary.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var language: LanguageTag
        public var found: String
        public var required: String
        public var description: String {
            "\(file):\(line): \(language.tag): '\(found)' found; the glossary requires '\(required)'"
        }
    }

    public let glossary: Glossary

    public init(glossary: Glossary) { self.glossary = glossary }

    /// Every finding in one language's catalog: vocabulary entries that differ from their glossary
    /// row, and wordings to avoid in any entry.
    public func check(_ catalog: POCatalog, language: LanguageTag) -> [Finding] {
        var findings: [Finding] = []
        for term in glossary.terms {
            guard let required = term.translations[language],
                  let entry = catalog.entry(for: MessageKey(context: term.context, msgid: term.english)),
                  let found = entry.msgstr.first, !found.isEmpty, found != required else { continue }
            findings.append(Finding(file: catalog.file, line: entry.line, language: language, found: found, required: required))
        }
        for entry in catalog.entries {
            let english = entry.msgid + " " + (entry.msgidPlural ?? "")
            for text in entry.msgstr {
                findings += avoided(in: text, english: english, language: language, file: catalog.file, line: entry.line)
            }
        }
        return findings
    }

    /// Every finding in a YAML data file's texts (`LANG: "text"`, block or flow style); the
    /// English text of the same record is the last `en:` seen before the translation.
    public func check(dataFile text: String, file: String) -> [Finding] {
        var findings: [Finding] = []
        var english = ""
        let pattern = try! NSRegularExpression(pattern: #"(?:^|[\s{,])(en|[a-z]{2}(?:-[A-Z][a-z]{3})?): "((?:[^"\\]|\\.)*)""#)
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            let range = NSRange(line.startIndex..., in: line)
            for match in pattern.matches(in: line, range: range) {
                guard let tagRange = Range(match.range(at: 1), in: line), let textRange = Range(match.range(at: 2), in: line) else { continue }
                let value = String(line[textRange])
                if line[tagRange] == "en" { english = value; continue }
                guard let language = LanguageTag(rawValue: String(line[tagRange])) else { continue }
                findings += avoided(in: value, english: english, language: language, file: file, line: offset + 1)
            }
        }
        return findings
    }

    private func avoided(in text: String, english: String, language: LanguageTag, file: String, line: Int) -> [Finding] {
        glossary.avoidances.compactMap { rule in
            guard rule.language == language,
                  rule.whereEnglishHas.allSatisfy({ english.range(of: $0, options: .caseInsensitive) != nil }),
                  let match = rule.pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let range = Range(match.range, in: text) else { return nil }
            return Finding(file: file, line: line, language: language, found: String(text[range]), required: rule.required)
        }
    }
}
