import Foundation
import HamkorLocalization
import Yams

/// Turns one composed YAML/JSON document into a ``Dataset``, checking types, codes and values.
struct DatasetYAMLReader {
    let reader: YAMLNodeReader
    let vocabulary: Vocabulary

    private static let topLevel: Set<String> = ["dataset", "places", "projects", "agreements", "twinCities",
                                                "events", "exchanges", "honours", "trade", "exchangeRates"]

    func read(_ root: Node?) -> Dataset {
        var dataset = Dataset()
        dataset.files = [reader.file]
        guard let root else { return dataset }  // an empty file is an empty dataset
        guard let pairs = reader.mapping(root, "", allowed: Self.topLevel) else { return dataset }
        for (key, value, _) in pairs {
            switch key {
            case "dataset": dataset.info = readInfo(value)
            case "places": dataset.places = list(value, key, readPlace)
            case "projects": dataset.projects = ProjectColumns(list(value, key, readProject))
            case "agreements": dataset.agreements = list(value, key, readAgreement)
            case "twinCities": dataset.twinCities = list(value, key, readTwinCities)
            case "events": dataset.events = list(value, key, readEvent)
            case "exchanges": dataset.exchanges = list(value, key, readExchange)
            case "honours": dataset.honours = list(value, key, readHonour)
            case "trade": dataset.trade = list(value, key, readTrade)
            case "exchangeRates": dataset.exchangeRates = list(value, key, readRate)
            default: break
            }
        }
        return dataset
    }

    private func list<T>(_ node: Node, _ field: String, _ read: (Node, String) -> T?) -> [T] {
        if case .scalar(let scalar) = node, scalar.string.isEmpty, node.anchor == nil { return [] }  // `projects:` with nothing
        guard let items = reader.sequence(node, field) else { return [] }
        if items.count > DatasetLimits.maxRecords {
            reader.fail(node, field, "has \(items.count) records; the limit is \(DatasetLimits.maxRecords)")
            return []
        }
        return items.enumerated().compactMap { read($0.element, "\(field)[\($0.offset)]") }
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
        if let amount, amount < 0 {
            reader.fail(amountNode, "\(field).amount", "must not be negative (found \(amount))")
            return nil
        }
        guard let currency = currency(currencyNode, "\(field).currency"), let amount else { return nil }
        return Money(amount: amount, currency: currency)
    }

    func date(_ node: Node?, _ field: String) -> CivilDate? {
        guard let node, let text = reader.scalarText(node, field) else { return nil }
        guard let date = CivilDate(iso: text) else {
            reader.fail(node, field, "'\(TerminalText.excerpt(text, 40))' is not a valid date; write YYYY-MM-DD with a day that exists, such as 2024-08-22")
            return nil
        }
        if let problem = FieldRules.dateProblem(date) {
            reader.fail(node, field, problem)
            return nil
        }
        return date
    }

    func year(_ node: Node?, _ field: String) -> Int? {
        guard let node else { return nil }
        return reader.integer(node, field, range: FieldRules.years)
    }

    func code(_ node: Node?, _ field: String, list: Vocabulary.List) -> String? {
        checkedString(node, field) { FieldRules.codeProblem($0, in: list, of: vocabulary) }
    }

    /// Reads a record's `id` and registers it for the duplicate check.
    func recordID(_ node: Node?, _ field: String) -> String? {
        guard let node, let id = identifier(node, field) else { return nil }
        reader.problems.registerIdentifier(id, at: reader.location(node), field: Self.withoutIndices(field))
        return id
    }

    /// A field path without its list indices (`projects[3].id` → `projects.id`).
    static func withoutIndices(_ field: String) -> String {
        guard field.utf8.contains(UInt8(ascii: "[")) else { return field }
        var result = "", inIndex = false
        for character in field {
            if character == "[" { inIndex = true } else if character == "]" { inIndex = false } else if !inIndex { result.append(character) }
        }
        return result
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

    private func readProject(_ node: Node, _ field: String) -> Project? {
        let allowed: Set<String> = ["id", "name", "partners", "sector", "places", "value", "status", "startYear",
                                    "endYear", "source", "illustrative"]
        guard let f = fields(node, field, allowed: allowed, required: ["id", "name", "sector", "status"]) else { return nil }
        let id = recordID(f["id"], "\(field).id")
        let name = localized(f["name"], "\(field).name")
        let sector = code(f["sector"], "\(field).sector", list: .sectors)
        let status = code(f["status"], "\(field).status", list: .statuses).flatMap(ProjectStatus.init(rawValue:))
        let value = money(f["value"], "\(field).value")
        let start = year(f["startYear"], "\(field).startYear")
        let end = year(f["endYear"], "\(field).endYear")
        if let start, let end, end < start, let endNode = f["endYear"] {
            reader.fail(endNode, "\(field).endYear", "\(end) is before startYear \(start)")
        }
        var places: [String] = []
        if let node = f["places"], let items = reader.sequence(node, "\(field).places") {
            places = items.enumerated().compactMap { identifier($0.element, "\(field).places[\($0.offset)]") }
        }
        let source = f["source"].flatMap { line($0, "\(field).source") }
        let illustrative = f["illustrative"].flatMap { reader.bool($0, "\(field).illustrative") } ?? false
        let partners = countries(f["partners"], "\(field).partners")
        guard let id, let name, let sector, let status else { return nil }
        return Project(id: id, name: name, partners: partners, sector: sector,
                       places: places, value: value, status: status, startYear: start, endYear: end, source: source,
                       illustrative: illustrative, location: loc(node))
    }

    private func readAgreement(_ node: Node, _ field: String) -> Agreement? {
        let allowed: Set<String> = ["id", "title", "area", "level", "signed", "parties", "place"]
        guard let f = fields(node, field, allowed: allowed, required: ["id", "title", "area", "level"]) else { return nil }
        let id = recordID(f["id"], "\(field).id")
        let title = localized(f["title"], "\(field).title")
        let area = code(f["area"], "\(field).area", list: .areas)
        let level = code(f["level"], "\(field).level", list: .levels).flatMap(AgreementLevel.init(rawValue:))
        let signed = date(f["signed"], "\(field).signed")
        let place = f["place"].flatMap { identifier($0, "\(field).place") }
        let parties = countries(f["parties"], "\(field).parties")
        guard let id, let title, let area, let level else { return nil }
        return Agreement(id: id, title: title, area: area, level: level, signed: signed,
                         parties: parties, place: place, location: loc(node))
    }

    private func readTwinCities(_ node: Node, _ field: String) -> TwinCityPair? {
        guard let f = fields(node, field, allowed: ["id", "cities", "signed"], required: ["id", "cities"]) else { return nil }
        let id = recordID(f["id"], "\(field).id")
        let signed = date(f["signed"], "\(field).signed")
        guard let citiesNode = f["cities"], let items = reader.sequence(citiesNode, "\(field).cities") else { return nil }
        guard items.count == 2 else {
            reader.fail(citiesNode, "\(field).cities", "a twin-city pair names exactly two cities, found \(items.count)")
            return nil
        }
        let first = identifier(items[0], "\(field).cities[0]")
        let second = identifier(items[1], "\(field).cities[1]")
        if let first, first == second {
            reader.fail(items[1], "\(field).cities[1]", "a twin-city pair names '\(first)' twice; a city cannot be twinned with itself")
            return nil
        }
        guard let id, let first, let second else { return nil }
        return TwinCityPair(id: id, first: first, second: second, signed: signed, location: loc(node))
    }

    private func readEvent(_ node: Node, _ field: String) -> CooperationEvent? {
        guard let f = fields(node, field, allowed: ["id", "kind", "title", "date", "place"], required: ["id", "kind", "title"]) else { return nil }
        let id = recordID(f["id"], "\(field).id")
        let kind = code(f["kind"], "\(field).kind", list: .eventKinds)
        let title = localized(f["title"], "\(field).title")
        let date = date(f["date"], "\(field).date")
        let place = f["place"].flatMap { identifier($0, "\(field).place") }
        guard let id, let kind, let title else { return nil }
        return CooperationEvent(id: id, kind: kind, title: title, date: date, place: place, location: loc(node))
    }

    private func readExchange(_ node: Node, _ field: String) -> Exchange? {
        guard let f = fields(node, field, allowed: ["id", "field", "title", "year"], required: ["id", "field", "title"]) else { return nil }
        let id = recordID(f["id"], "\(field).id")
        let kind = code(f["field"], "\(field).field", list: .exchangeFields)
        let title = localized(f["title"], "\(field).title")
        let year = year(f["year"], "\(field).year")
        guard let id, let kind, let title else { return nil }
        return Exchange(id: id, field: kind, title: title, year: year, location: loc(node))
    }

    private func readHonour(_ node: Node, _ field: String) -> Honour? {
        let allowed: Set<String> = ["id", "title", "recipient", "awardedBy", "date"]
        guard let f = fields(node, field, allowed: allowed, required: ["id", "title", "recipient", "awardedBy"]) else { return nil }
        let id = recordID(f["id"], "\(field).id")
        let title = localized(f["title"], "\(field).title")
        let recipient = localized(f["recipient"], "\(field).recipient")
        let awardedBy = country(f["awardedBy"], "\(field).awardedBy")
        let date = date(f["date"], "\(field).date")
        guard let id, let title, let recipient, let awardedBy else { return nil }
        return Honour(id: id, title: title, recipient: recipient, awardedBy: awardedBy, date: date, location: loc(node))
    }

    private func readTrade(_ node: Node, _ field: String) -> TradeFlow? {
        let allowed: Set<String> = ["reporter", "partner", "period", "flow", "section", "chapter", "value", "quantity", "unit", "illustrative"]
        if case .mapping(let mapping) = node, mapping.keys.contains(where: { ["year", "turnover"].contains($0.string ?? "") }) {
            reader.fail(node, field, "trade rows are flows: give period:, flow: export|import, section: or chapter:, and value: (turnover is derived; see docs/DATA.md)")
            return nil
        }
        guard let f = fields(node, field, allowed: allowed, required: ["reporter", "partner", "period", "flow", "value"]) else { return nil }
        let reporter = country(f["reporter"], "\(field).reporter")
        let partner = country(f["partner"], "\(field).partner")
        var period: ReportPeriod.Unit?
        if let periodNode = f["period"], let text = reader.string(periodNode, "\(field).period") {
            period = ReportPeriod.Unit(code: text)
            if period == nil { reader.fail(periodNode, "\(field).period", "'\(text)' is not a period; use 2024, 2024-H1, 2024-Q3 or 2024-07") }
        }
        let direction = code(f["flow"], "\(field).flow", list: .tradeFlows).flatMap(TradeFlow.Direction.init(rawValue:))
        var chapter = f["chapter"].flatMap { code($0, "\(field).chapter", list: .hsChapters) }
        let given = f["section"].flatMap { code($0, "\(field).section", list: .hsSections) }
        let (section, conflict) = FieldRules.tradeSection(section: given, chapter: chapter)
        if let conflict, let sectionNode = f["section"] {
            reader.fail(sectionNode, "\(field).section", conflict)
            chapter = nil
        }
        if f["section"] == nil && f["chapter"] == nil { reader.fail(node, field, "give section: (an HS section, I–XXI) or chapter: (01–97)") }
        let value = money(f["value"], "\(field).value")
        let quantity = f["quantity"].flatMap { reader.decimal($0, "\(field).quantity") }
        let unit = f["unit"].flatMap { reader.string($0, "\(field).unit") }
        if (quantity == nil) != (unit == nil) && (f["quantity"] != nil || f["unit"] != nil) {
            reader.fail(node, field, "quantity: and unit: go together")
        }
        let illustrative = f["illustrative"].flatMap { reader.bool($0, "\(field).illustrative") } ?? false
        guard let reporter, let partner, let period, let direction, let section, let value else { return nil }
        return TradeFlow(reporter: reporter, partner: partner, period: period, direction: direction, section: section,
                         chapter: chapter, value: value, quantity: quantity, unit: unit, illustrative: illustrative, location: loc(node))
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
