import Foundation
import HamkorCore

/// The output path pattern of a job file, such as `{date}/{report}/{report}.{lang}.{format}`.
///
/// Placeholders: `{report}`, `{lang}`, `{format}`, `{job}`, `{date}` (`2026-11-26`) and
/// `{datetime}` (`2026-11-26T0700`), the last two in the job's time zone, and any job parameter
/// (`{partner}`, `{period}`) with its resolved value. The resolved path is
/// relative to the `--out` root and must stay inside it.
public struct OutputTemplate: Sendable, Hashable, CustomStringConvertible {
    /// The default template.
    public static let standard = OutputTemplate(checked: "{date}/{report}/{report}.{lang}.{format}", location: nil)
    /// The placeholder names a template may use.
    public static let placeholders = ["report", "lang", "format", "date", "datetime", "job"]

    /// The template as written.
    public let source: String
    /// Where it was written, for messages.
    public let location: SourceLocation?
    private let pieces: [Piece]

    private enum Piece: Sendable, Hashable {
        case literal(String)
        case placeholder(String)
    }

    /// Parses a template; the message says what is wrong (an unknown placeholder, a stray brace).
    public init(parsing source: String, location: SourceLocation? = nil) throws(TemplateError) {
        // A file name with a line feed, tab or other control character cannot be typed, listed
        // or quoted safely; templates never need one.
        if let bad = source.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw TemplateError(message: "holds the control character U+\(String(format: "%04X", bad.value)) (a line feed or tab?); output paths are one line of printable text")
        }
        var pieces: [Piece] = []
        var literal = ""
        var index = source.startIndex
        while index < source.endIndex {
            let character = source[index]
            if character == "{" {
                guard let close = source[index...].firstIndex(of: "}") else {
                    throw TemplateError(message: "'{' without a closing '}' in '\(source)'")
                }
                let name = String(source[source.index(after: index)..<close])
                guard Self.placeholders.contains(name) || Self.isParameterName(name) else {
                    let hint = Suggestion.closest(to: name, in: Self.placeholders).map { "; did you mean '{\($0)}'?" } ?? ""
                    throw TemplateError(message: "unknown placeholder '{\(name)}'\(hint) (available: \(Self.placeholders.map { "{\($0)}" }.joined(separator: " ")))")
                }
                if !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
                pieces.append(.placeholder(name))
                index = source.index(after: close)
                continue
            }
            if character == "}" { throw TemplateError(message: "'}' without an opening '{' in '\(source)'") }
            literal.append(character)
            index = source.index(after: index)
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        if pieces.isEmpty { throw TemplateError(message: "must not be empty") }
        self.source = source
        self.location = location
        self.pieces = pieces
    }

    private init(checked source: String, location: SourceLocation?) {
        // swiftlint:disable:next force_try
        let parsed = try! OutputTemplate(parsing: source)
        self.source = source
        self.location = location
        self.pieces = parsed.pieces
    }

    /// The template with each placeholder replaced from `values` (missing ones stay empty).
    public func resolve(_ values: [String: String]) -> String {
        pieces.map { piece in
            switch piece {
            case .literal(let text): text
            case .placeholder(let name): values[name] ?? ""
            }
        }.joined()
    }

    public var description: String { source }

    /// The placeholders that are not built in: job parameters such as `{period}`.
    public var parameterPlaceholders: [String] {
        var names: [String] = []
        for case .placeholder(let name) in pieces where !Self.placeholders.contains(name) && !names.contains(name) { names.append(name) }
        return names
    }

    /// A parameter's name: ASCII letters, digits and `_`, not starting with a digit.
    static func isParameterName(_ name: String) -> Bool {
        guard let first = name.first, !first.isNumber else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// Why a template could not be parsed.
    public struct TemplateError: Error, CustomStringConvertible, Sendable {
        public var message: String
        public var description: String { message }
    }
}
