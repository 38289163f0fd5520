import Foundation
import Yams

/// Reads typed values out of a composed YAML/JSON node tree, recording located problems.
///
/// Every accessor takes the field path for messages and returns `nil` (after recording a
/// problem) when the value has the wrong type, so reading continues and all problems surface.
struct YAMLNodeReader {
    let file: String
    let problems: ProblemList

    func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    func fail(_ node: Node?, _ field: String?, _ message: String) {
        problems.add(location(node), field: field?.isEmpty == true ? nil : field, message)
    }

    /// The key/value pairs of a mapping, checking keys against `allowed` and refusing anchors.
    func mapping(_ node: Node, _ field: String, allowed: Set<String>? = nil) -> [(key: String, value: Node, keyNode: Node)]? {
        guard refuseAnchor(node, field) else { return nil }
        guard case .mapping(let mapping) = node else {
            fail(node, field, "expected a mapping (key: value), found \(describe(node))")
            return nil
        }
        var pairs: [(key: String, value: Node, keyNode: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                fail(keyNode, field, "keys must be plain text")
                continue
            }
            if let allowed, !allowed.contains(scalar.string) {
                let key = String(scalar.string.prefix(40))
                let suggestion = scalar.string.count > 100 ? "" : closest(scalar.string, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
                fail(keyNode, field.isEmpty ? key : "\(field).\(key)",
                     "unknown field '\(key)'\(suggestion) (allowed: \(allowed.sorted().joined(separator: ", ")))")
                continue
            }
            pairs.append((scalar.string, value, keyNode))
        }
        return pairs
    }

    func sequence(_ node: Node, _ field: String) -> [Node]? {
        guard refuseAnchor(node, field) else { return nil }
        guard case .sequence(let sequence) = node else {
            fail(node, field, "expected a list, found \(describe(node))")
            return nil
        }
        return Array(sequence)
    }

    func string(_ node: Node, _ field: String, allowEmpty: Bool = false) -> String? {
        guard refuseAnchor(node, field) else { return nil }
        guard case .scalar(let scalar) = node else {
            fail(node, field, "expected text, found \(describe(node))")
            return nil
        }
        let text = scalar.string
        if !allowEmpty && text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            fail(node, field, "must not be empty")
            return nil
        }
        if let bad = text.unicodeScalars.first(where: { TextSafety.isForbiddenControl($0) }) {
            fail(node, field, TextSafety.message(for: bad))
            return nil
        }
        if text.count > DatasetLimits.maxTextLength {
            fail(node, field, "is \(text.count) characters long; the limit is \(DatasetLimits.maxTextLength)")
            return nil
        }
        return text
    }

    func integer(_ node: Node, _ field: String, range: ClosedRange<Int>? = nil) -> Int? {
        guard let text = scalarText(node, field) else { return nil }
        guard let value = Int(text) else {
            fail(node, field, "expected a whole number, found '\(text.prefix(40))'")
            return nil
        }
        if let range, !range.contains(value) {
            fail(node, field, "\(value) is out of range \(range.lowerBound)–\(range.upperBound)")
            return nil
        }
        return value
    }

    func bool(_ node: Node, _ field: String) -> Bool? {
        guard let text = scalarText(node, field) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "1": return true
        case "false", "no", "0": return false
        default:
            fail(node, field, "expected true or false, found '\(text.prefix(40))'")
            return nil
        }
    }

    /// An exact decimal from its written digits (never through `Double`).
    func decimal(_ node: Node, _ field: String) -> Decimal? {
        guard let text = scalarText(node, field) else { return nil }
        return DecimalParser.parse(text, onError: { fail(node, field, $0) })
    }

    func scalarText(_ node: Node, _ field: String) -> String? {
        guard refuseAnchor(node, field) else { return nil }
        guard case .scalar(let scalar) = node else {
            fail(node, field, "expected a single value, found \(describe(node))")
            return nil
        }
        return scalar.string.trimmingCharacters(in: .whitespaces)
    }

    /// Anchors and aliases are refused: they are how "billion laughs" bombs are built.
    func refuseAnchor(_ node: Node, _ field: String) -> Bool {
        if case .alias = node {
            fail(node, field, "YAML aliases (*name) are not allowed in Hamkor files; write the value out")
            return false
        }
        if node.anchor != nil {
            fail(node, field, "YAML anchors (&name) are not allowed in Hamkor files; write the value out")
            return false
        }
        return true
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): scalar.string.isEmpty ? "an empty value" : "'\(scalar.string.prefix(40))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    private func closest(_ word: String, in candidates: Set<String>) -> String? {
        let limit = max(2, word.count / 3)
        var best: (word: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.word
    }
}

/// The characters refused in every text value of a data file.
public enum TextSafety {
    /// C0 and C1 control characters other than tab and line feed, and the bidirectional
    /// embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which can make
    /// text display differently from what it is ("Trojan Source" spoofing).
    public static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x0A || value == 0x09 { return false }
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// The message for a refused character.
    public static func message(for scalar: Unicode.Scalar) -> String {
        let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        if scalar.value >= 0x2000 {
            return "contains the bidirectional control character \(code), which can disguise how text reads; remove it"
        }
        return "contains the control character \(code)"
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
