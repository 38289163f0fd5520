import Foundation
import HamkorLocalization
import Yams

/// A record of a YAML/JSON dataset as a ``RecordInput``: a mapping whose keys are its kind's
/// stored fields (`value: {amount, currency}`, `name: {en, ru, ...}` or plain English text,
/// lists as sequences), each problem reported at its node with the record's path
/// (`projects[3].sector`).
final class YAMLRecordInput: RecordInput {
    private let values: DatasetYAMLReader
    private let schema: RecordSchema
    private let node: Node
    private let path: String
    private var nodes: [String: Node] = [:]
    private let startCount: Int
    private var mappingFailed = false

    /// Reads the mapping at `node` (path `path`), reporting unknown keys and missing required fields.
    init(_ node: Node, path: String, schema: RecordSchema, values: DatasetYAMLReader) {
        self.values = values
        self.schema = schema
        self.node = node
        self.path = path
        startCount = values.reader.problems.problems.count
        guard let pairs = values.reader.mapping(node, path, allowed: schema.storedNames) else {
            mappingFailed = true
            return
        }
        for pair in pairs { nodes[pair.key] = pair.value }
        for field in schema.stored where field.isRequired && nodes[field.name] == nil {
            values.reader.fail(node, "\(path).\(field.name)", "is required")
        }
    }

    /// Failed once a problem was added since the record began (the problem list's count rises).
    var failed: Bool { mappingFailed || problemsAdded }

    private var problemsAdded: Bool {
        let problems = values.reader.problems
        // The list stops growing at its limit; a full list counts as failed.
        return problems.problems.count > startCount || problems.problems.count >= problems.limit
    }

    var location: SourceLocation { values.loc(node) }

    private func at(_ name: String) -> (node: Node?, path: String) { (nodes[name], "\(path).\(name)") }

    func has(_ name: String) -> Bool { nodes[name] != nil }

    var readIdentifier: String?

    func readCode(_ name: String) -> String? {
        let (node, field) = at(name)
        switch schema.type(of: name) {
        case .identifier, .place: return values.identifier(node, field)
        case .code(let list): return values.code(node, field, list: list)
        case .country: return values.country(node, field)
        case .currency: return values.currency(node, field)
        default: preconditionFailure("\(name) is not a one-code field")
        }
    }

    func list(_ name: String) -> [String] {
        let (node, field) = at(name)
        guard let node else { return [] }
        if schema.type(of: name) == .countries { return values.countries(node, field) }
        guard let items = values.reader.sequence(node, field) else { return [] }
        return items.enumerated().compactMap { values.identifier($0.element, "\(field)[\($0.offset)]") }
    }

    func text(_ name: String) -> LocalizedText? { values.localized(at(name).node, at(name).path) }

    func plain(_ name: String) -> String? { at(name).node.flatMap { values.line($0, at(name).path) } }

    func money(_ name: String) -> Money? { values.money(at(name).node, at(name).path) }

    func decimal(_ name: String) -> Decimal? {
        let (node, field) = at(name)
        guard let node, let number = values.reader.decimal(node, field) else { return nil }
        if let problem = FieldRules.negativeProblem(number) { values.reader.fail(node, field, problem); return nil }
        return number
    }

    func year(_ name: String) -> Int? { values.year(at(name).node, at(name).path) }

    func date(_ name: String) -> CivilDate? { values.date(at(name).node, at(name).path) }

    func period(_ name: String) -> ReportPeriod.Unit? {
        let (node, field) = at(name)
        guard let node, let text = values.reader.string(node, field) else { return nil }
        let (unit, problem) = FieldRules.period(text)
        if let problem { values.reader.fail(node, field, problem) }
        return unit
    }

    func flag(_ name: String) -> Bool? { at(name).node.flatMap { values.reader.bool($0, at(name).path) } }

    func fail(_ name: String, _ message: String) {
        values.reader.fail(nodes[name] ?? node, "\(path).\(name)", message)
    }
}
