/// A message with named placeholders such as `{count}` and `{value}`, as written in the catalogs.
///
/// `{{` and `}}` stand for literal braces.
public struct PlaceholderTemplate: Sendable, Equatable {
    /// The template text.
    public let text: String

    public init(_ text: String) { self.text = text }

    /// The placeholder names in order of appearance (duplicates kept once).
    public var placeholders: [String] {
        var names: [String] = []
        forEachToken { token in
            if case .placeholder(let name) = token, !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Substitutes every placeholder; throws when one has no value.
    public func render(_ values: [String: String]) throws -> String {
        var output = ""
        var failure: LocalizationError?
        forEachToken { token in
            switch token {
            case .literal(let text): output += text
            case .placeholder(let name):
                if let value = values[name] { output += value }
                else if failure == nil { failure = .unboundPlaceholder(template: text, name: name) }
            }
        }
        if let failure { throw failure }
        return output
    }

    private enum Token { case literal(String), placeholder(String) }

    private func forEachToken(_ body: (Token) -> Void) {
        var literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "{", next < text.endIndex, text[next] == "{" {
                literal.append("{"); index = text.index(after: next); continue
            }
            if character == "}", next < text.endIndex, text[next] == "}" {
                literal.append("}"); index = text.index(after: next); continue
            }
            if character == "{", let close = text[next...].firstIndex(of: "}") {
                let name = String(text[next..<close])
                if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                    if !literal.isEmpty { body(.literal(literal)); literal = "" }
                    body(.placeholder(name))
                    index = text.index(after: close)
                    continue
                }
            }
            literal.append(character)
            index = next
        }
        if !literal.isEmpty { body(.literal(literal)) }
    }
}
