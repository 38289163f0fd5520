import Foundation
import HamkorLocalization
import Yams

/// Turns one composed YAML/JSON document into a ``Dataset``, checking types, codes and values.
/// Records are read as their kind's ``RecordSchema`` says (``YAMLRecordInput``); the dataset's
/// description, places and exchange rates, which are no record kind, are read here.
struct DatasetYAMLReader {
    let reader: YAMLNodeReader
    let vocabulary: Vocabulary

    /// The top-level keys: the dataset's description, its places and rates, and one list per record kind.
    private static let topLevel: Set<String> = Set(["dataset", "places", "exchangeRates"] + RecordSource.allCases.map(\.rawValue))

    func read(_ root: Node?) -> Dataset {
        var dataset = Dataset()
        dataset.files = [reader.file]
        guard let root else { return dataset }  // an empty file is an empty dataset
        guard let pairs = reader.mapping(root, "", allowed: Self.topLevel) else { return dataset }
        for (key, value, _) in pairs {
            switch key {
            case "dataset": dataset.info = readInfo(value)
            case "places": dataset.places = list(value, key, readPlace)
            case "exchangeRates": dataset.exchangeRates = list(value, key, readRate)
            default:
                if let source = RecordSource(rawValue: key) { readRecords(value, source, into: &dataset) }
            }
        }
        return dataset
    }

    private func list<T>(_ node: Node, _ field: String, _ read: (Node, String) -> T?) -> [T] {
        items(node, field).enumerated().compactMap { read($0.element, "\(field)[\($0.offset)]") }
    }

    /// The entries of a top-level list (`projects:`): none for an empty value, and none after a
    /// problem when it is no sequence or holds more than ``DatasetLimits/maxRecords``.
    private func items(_ node: Node, _ field: String) -> [Node] {
        if case .scalar(let scalar) = node, scalar.string.isEmpty, node.anchor == nil { return [] }  // `projects:` with nothing
        guard let items = reader.sequence(node, field) else { return [] }
        if items.count > DatasetLimits.maxRecords {
            reader.fail(node, field, "has \(items.count) records; the limit is \(DatasetLimits.maxRecords)")
            return []
        }
        return items
    }

    /// The records of one kind (`projects:`), each read as its ``RecordSchema`` says and put
    /// together by ``RecordAssembler``.
    private func readRecords(_ node: Node, _ source: RecordSource, into dataset: inout Dataset) {
        let schema = source.schema
        let key = source.rawValue
        for (index, item) in items(node, key).enumerated() {
            let path = "\(key)[\(index)]"
            if source == .trade, case .mapping(let mapping) = item,
               mapping.keys.contains(where: { ["year", "turnover"].contains($0.string ?? "") }) {
                reader.fail(item, path, "trade rows are flows: give period:, flow: export|import, section: or chapter:, and value: (turnover is derived; see docs/DATA.md)")
                continue
            }
            RecordAssembler.read(YAMLRecordInput(item, path: path, schema: schema, values: self), as: source, into: &dataset)
        }
    }

    /// Reads a record's fields; reports missing required ones at the record's position.
    private func fields(_ node: Node, _ field: String, allowed: Set<String>, required: Set<String>) -> [String: Node]? {
        guard let pairs = reader.mapping(node, field, allowed: allowed) else { return nil }
        var values: [String: Node] = [:]
        for pair in pairs { values[pair.key] = pair.value }
        for name in required.sorted() where values[name] == nil {
            reader.fail(node, "\(field).\(name)", "is required")
        }
        return values
    }

    // MARK: Shared value types

    func localized(_ node: Node?, _ field: String) -> LocalizedText? {
        guard let node else { return nil }
        if case .scalar = node {
            return line(node, field).map { LocalizedText(english: $0) }
        }
        let tags = Set(LanguageTag.allCases.map(\.tag))
        guard let pairs = reader.mapping(node, field, allowed: tags) else { return nil }
        var english: String?
        var translations: [LanguageTag: String] = [:]
        for (key, value, _) in pairs {
            guard let language = try? LanguageTag(parsing: key), let text = line(value, "\(field).\(key)") else { continue }
            if language == .english { english = text } else { translations[language] = text }
        }
        guard let english else {
            reader.fail(node, "\(field).en", "the English text is required")
            return nil
        }
        return LocalizedText(english: english, translations: translations)
    }

    /// A text value of a record: one line, as in a CSV field (names, titles and sources are
    /// shown in table cells, where a line feed or tab would break the layout).
    func line(_ node: Node, _ field: String) -> String? {
        guard let text = reader.string(node, field) else { return nil }
        if let bad = text.unicodeScalars.first(where: { $0 == "\n" || $0 == "\t" }) {
            reader.fail(node, field, "holds a \(bad == "\n" ? "line feed" : "tab"); names, titles and sources are one line of text")
            return nil
        }
        return text
    }

    /// A string field that must meet one of ``FieldRules``: its value, or `nil` after reporting
    /// the rule's message at the node.
    private func checkedString(_ node: Node?, _ field: String, _ problem: (String) -> String?) -> String? {
        guard let node, let text = reader.string(node, field) else { return nil }
        if let message = problem(text) {
            reader.fail(node, field, message)
            return nil
        }
        return text
    }

    func country(_ node: Node?, _ field: String) -> CountryCode? {
        checkedString(node, field, FieldRules.countryProblem)
    }

    func countries(_ node: Node?, _ field: String) -> [CountryCode] {
        guard let node, let items = reader.sequence(node, field) else { return [] }
        return items.enumerated().compactMap { country($0.element, "\(field)[\($0.offset)]") }
    }

    func currency(_ node: Node?, _ field: String) -> String? {
        checkedString(node, field, FieldRules.currencyProblem)
    }

    func money(_ node: Node?, _ field: String) -> Money? {
        guard let node, let pairs = fields(node, field, allowed: ["amount", "currency"], required: ["amount", "currency"]) else { return nil }
        guard let amountNode = pairs["amount"], let currencyNode = pairs["currency"] else { return nil }
        let amount = reader.decimal(amountNode, "\(field).amount")
        if let amount, let problem = FieldRules.negativeProblem(amount) {
            reader.fail(amountNode, "\(field).amount", problem)
            return nil
        }
        guard let currency = currency(currencyNode, "\(field).currency"), let amount else { return nil }
        return Money(amount: amount, currency: currency)
    }

    func date(_ node: Node?, _ field: String) -> CivilDate? {
        guard let node, let text = reader.scalarText(node, field) else { return nil }
        let (date, problem) = FieldRules.date(text)
        if let problem { reader.fail(node, field, problem) }
        return date
    }

    func year(_ node: Node?, _ field: String) -> Int? {
        guard let node else { return nil }
        return reader.integer(node, field, range: FieldRules.years)
    }

    func code(_ node: Node?, _ field: String, list: Vocabulary.List) -> String? {
        checkedString(node, field) { FieldRules.codeProblem($0, in: list, of: vocabulary) }
    }

    func identifier(_ node: Node?, _ field: String) -> String? {
        checkedString(node, field, FieldRules.identifierProblem)
    }

    func loc(_ node: Node) -> SourceLocation { reader.location(node) }

    // MARK: Records

    private func readInfo(_ node: Node) -> DatasetInfo {
        guard let f = fields(node, "dataset", allowed: ["title", "sample", "partners", "sources"], required: []) else { return DatasetInfo() }
        var info = DatasetInfo()
        info.title = localized(f["title"], "dataset.title")
        info.isSample = f["sample"].flatMap { reader.bool($0, "dataset.sample") } ?? false
        info.partners = countries(f["partners"], "dataset.partners")
        if let sources = f["sources"], let items = reader.sequence(sources, "dataset.sources") {
            info.sources = items.enumerated().compactMap { localized($0.element, "dataset.sources[\($0.offset)]") }
        }
        return info
    }

    private func readPlace(_ node: Node, _ field: String) -> Place? {
        guard let f = fields(node, field, allowed: ["code", "country", "kind", "name"], required: ["code", "country", "name"]) else { return nil }
        let placeCode = identifier(f["code"], "\(field).code")
        let placeCountry = country(f["country"], "\(field).country")
        let kind = f["kind"].map { code($0, "\(field).kind", list: .placeKinds) } ?? "city"
        let name = localized(f["name"], "\(field).name")
        guard let placeCode, let placeCountry, let kind, let name else { return nil }
        return Place(code: placeCode, country: placeCountry, kind: kind, name: name, location: loc(node))
    }

    private func readRate(_ node: Node, _ field: String) -> ExchangeRate? {
        guard let f = fields(node, field, allowed: ["from", "to", "rate", "date"], required: ["from", "to", "rate"]) else { return nil }
        let from = currency(f["from"], "\(field).from"), to = currency(f["to"], "\(field).to")
        let rate = f["rate"].flatMap { reader.decimal($0, "\(field).rate") }
        if let rate, rate <= 0, let rateNode = f["rate"] {
            reader.fail(rateNode, "\(field).rate", "must be greater than zero")
            return nil
        }
        let date = date(f["date"], "\(field).date")
        guard let from, let to, let rate else { return nil }
        return ExchangeRate(from: from, to: to, rate: rate, date: date, location: loc(node))
    }
}
