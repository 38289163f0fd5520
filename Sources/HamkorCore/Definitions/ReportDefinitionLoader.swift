import Foundation
import Yams

/// Reads and checks report definitions, reporting each problem as `FILE:LINE:COLUMN: error: …`.
public struct ReportDefinitionLoader: Sendable {
    public let vocabulary: Vocabulary

    public init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
    }

    /// Loads every `*.yaml` definition in a folder, keyed by id, sorted by file name.
    /// A broken file is reported in `failures` and does not stop the others.
    public func loadAll(in folder: URL) throws -> (definitions: [ReportDefinition], failures: [String: DataError]) {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var definitions: [ReportDefinition] = []
        var failures: [String: DataError] = [:]
        for name in names {
            let url = folder.appendingPathComponent(name)
            do {
                definitions.append(try load(url))
            } catch let error as DataError {
                failures[url.deletingPathExtension().lastPathComponent] = error
            }
        }
        let (unique, duplicates) = Self.separatingDuplicates(definitions)
        return (unique, failures.merging(duplicates) { _, duplicate in duplicate })
    }

    /// `definitions` whose ids are unique, and for each id written in more than one file an
    /// error at every one of them that names the others: no file silently wins.
    public static func separatingDuplicates(_ definitions: [ReportDefinition]) -> (unique: [ReportDefinition], duplicates: [String: DataError]) {
        let byID = Dictionary(grouping: definitions, by: \.id)
        var duplicates: [String: DataError] = [:]
        for (id, same) in byID where same.count > 1 {
            duplicates[id] = .invalid(same.map { definition in
                let others = same.filter { $0.idLocation != definition.idLocation }
                    .map { "\($0.idLocation)" }.joined(separator: ", ")
                return DataProblem(definition.idLocation, field: "id",
                                   "report id '\(id)' is also defined in \(others); each report needs its own id: rename or remove one of the files")
            })
        }
        return (definitions.filter { byID[$0.id]?.count == 1 }, duplicates)
    }

    /// Loads one definition file.
    public func load(_ url: URL) throws -> ReportDefinition {
        let text = try SourceText.read(url, limit: DatasetLimits.maxDefinitionBytes)
        let problems = ProblemList()
        let file = url.path
        let root = try YAMLSafetyGuard.compose(text, file: file)
        let reader = YAMLNodeReader(file: file, problems: problems)
        guard let root else { throw DataError.invalid([DataProblem(SourceLocation(file: file), "the definition is empty")]) }
        let parser = DefinitionParser(reader: reader, vocabulary: vocabulary)
        let definition = parser.parse(root)
        guard problems.isEmpty, let definition else { throw DataError.invalid(problems.problems) }
        return definition
    }
}

/// The node-by-node reading of one definition.
private struct DefinitionParser {
    let reader: YAMLNodeReader
    let vocabulary: Vocabulary

    func parse(_ root: Node) -> ReportDefinition? {
        guard let top = fields(root, "", ["id", "title", "subtitle", "currency", "parameters", "sections"], required: ["id", "title", "sections"]) else { return nil }
        let id = top["id"].flatMap { reader.string($0, "id") }
        if let id, !Identifier.isValid(id), let node = top["id"] { reader.fail(node, "id", "'\(id)' is not a valid report id") }
        let title = top["title"].flatMap { reader.string($0, "title") }
        let subtitle = top["subtitle"].flatMap { reader.string($0, "subtitle") }
        let currency = top["currency"].flatMap { reader.string($0, "currency") } ?? "USD"
        if let node = top["currency"], let problem = FieldRules.currencyProblem(currency) { reader.fail(node, "currency", problem) }
        let parameters = top["parameters"].map { self.parameters($0) } ?? []
        var sections: [SectionDefinition] = []
        var tables: [String: TableDefinition] = [:]
        if let node = top["sections"], let items = reader.sequence(node, "sections") {
            for (index, item) in items.enumerated() {
                if let section = section(item, "sections[\(index)]", tables: tables) {
                    if case .table(let table) = section {
                        if tables[table.id] != nil { reader.fail(item, "sections[\(index)].table.id", "duplicate table id '\(table.id)'") }
                        tables[table.id] = table
                    }
                    sections.append(section)
                }
            }
        }
        guard let id, let title else { return nil }
        return ReportDefinition(id: id, title: title, subtitle: subtitle, currency: currency, sections: sections,
                                parameters: parameters, file: reader.file, idLocation: reader.location(top["id"]))
    }

    /// `parameters:` — name → `{type, default}`; defaults are checked as values of their type.
    func parameters(_ node: Node) -> [ParameterDefinition] {
        guard let pairs = reader.mapping(node, "parameters") else { return [] }
        return pairs.compactMap { name, value, keyNode in
            let path = "parameters.\(name)"
            guard Identifier.isValid(name), name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                reader.fail(keyNode, path, "'\(name)' is not a parameter name (letters, digits and _)"); return nil
            }
            guard let f = fields(value, path, ["type", "default"], required: ["type"]),
                  let typeNode = f["type"], let type = reader.string(typeNode, "\(path).type") else { return nil }
            guard let kind = ParameterDefinition.Kind(rawValue: type) else {
                reader.fail(typeNode, "\(path).type", "unknown parameter type '\(type)' (known: \(ParameterDefinition.Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
                return nil
            }
            let defaultValue = f["default"].flatMap { reader.string($0, "\(path).default") }
            if let defaultValue, let node = f["default"] {
                switch kind {
                case .period where defaultValue != "all" && RelativePeriod(rawValue: defaultValue) == nil:
                    do { _ = try ReportPeriod(parsing: defaultValue) } catch { reader.fail(node, "\(path).default", "\(error)") }
                case .code where !Identifier.isValid(defaultValue):
                    reader.fail(node, "\(path).default", "'\(defaultValue)' is not a code")
                case .partner where !(defaultValue.count == 2 && defaultValue.allSatisfy { $0.isASCII && $0.isUppercase }):
                    reader.fail(node, "\(path).default", "'\(defaultValue)' is not an ISO 3166-1 alpha-2 country code")
                default: break
                }
            }
            return ParameterDefinition(name: name, kind: kind, defaultValue: defaultValue)
        }
    }

    func fields(_ node: Node, _ field: String, _ allowed: Set<String>, required: Set<String> = []) -> [String: Node]? {
        guard let pairs = reader.mapping(node, field, allowed: allowed) else { return nil }
        var values: [String: Node] = [:]
        for pair in pairs { values[pair.key] = pair.value }
        for name in required.sorted() where values[name] == nil {
            reader.fail(node, field.isEmpty ? name : "\(field).\(name)", "is required")
        }
        return values
    }

    func section(_ node: Node, _ field: String, tables: [String: TableDefinition]) -> SectionDefinition? {
        let kinds: Set<String> = ["heading", "keyFigures", "table", "chart", "paragraph", "list", "notes", "events"]
        guard let pairs = reader.mapping(node, field, allowed: kinds) else { return nil }
        guard pairs.count == 1, let (kind, value, _) = pairs.first else {
            reader.fail(node, field, "a section has exactly one kind: \(kinds.sorted().joined(separator: ", "))")
            return nil
        }
        let path = "\(field).\(kind)"
        switch kind {
        case "heading": return reader.string(value, path).map { .heading($0) }
        case "notes":
            guard let items = reader.sequence(value, path) else { return nil }
            return .notes(items.enumerated().compactMap { reader.string($0.element, "\(path)[\($0.offset)]") })
        case "keyFigures":
            guard let f = fields(value, path, ["title", "figures"], required: ["figures"]),
                  let items = f["figures"].flatMap({ reader.sequence($0, "\(path).figures") }) else { return nil }
            let title = f["title"].flatMap { reader.string($0, "\(path).title") }
            let figures = items.enumerated().compactMap { figure($0.element, "\(path).figures[\($0.offset)]", needsLabel: true) }
            return .keyFigures(title: title, figures: figures)
        case "table": return table(value, path).map { .table($0) }
        case "chart": return chart(value, path, tables: tables).map { .chart($0) }
        case "paragraph": return paragraph(value, path).map { .paragraph($0) }
        case "list": return list(value, path).map { .list($0) }
        case "events":
            guard let f = fields(value, path, ["filter"]) else { return nil }
            return .events(EventsDefinition(filter: filter(f["filter"], "\(path).filter", source: .events)))
        default: return nil
        }
    }

    func source(_ node: Node?, _ field: String) -> RecordSource? {
        guard let node, let name = reader.string(node, field) else { return nil }
        guard let source = RecordSource(rawValue: name) else {
            reader.fail(node, field, "unknown source '\(name)' (known: \(RecordSource.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        return source
    }

    func filter(_ node: Node?, _ field: String, source: RecordSource?) -> [String: [String]] {
        guard let node, let pairs = reader.mapping(node, field) else { return [:] }
        var result: [String: [String]] = [:]
        for (key, value, keyNode) in pairs {
            if let source, source.fields[key] == nil, key != "period" {
                reader.fail(keyNode, "\(field).\(key)", "'\(key)' is not a field of \(source.rawValue) (fields: \(source.fields.keys.sorted().joined(separator: ", ")))")
                continue
            }
            if case .sequence = value {
                result[key] = reader.sequence(value, "\(field).\(key)")?.compactMap { reader.string($0, "\(field).\(key)") } ?? []
            } else if let one = reader.string(value, "\(field).\(key)") {
                result[key] = [one]
            }
        }
        return result
    }

    func measure(_ node: Node, _ field: String, source: RecordSource?) -> MeasureExpression? {
        guard let text = reader.string(node, field) else { return nil }
        guard let measure = MeasureExpression(parsing: text) else {
            reader.fail(node, field, "unknown measure '\(text)'; use count, sum(field), share(field), share(count), min(field), max(field), distinct(field), change(field), growth(field) or cagr(field)")
            return nil
        }
        if let source, let name = measure.field {
            guard let type = source.fields[name] else {
                reader.fail(node, field, "'\(name)' is not a field of \(source.rawValue) (fields: \(source.fields.keys.sorted().joined(separator: ", ")))")
                return nil
            }
            switch measure {
            case .sum, .share, .min, .max, .change, .growth, .cagr:
                if !type.isNumeric { reader.fail(node, field, "\(measure) needs a number or money field; '\(name)' is not one"); return nil }
            default: break
            }
        }
        return measure
    }

    func figure(_ node: Node, _ field: String, needsLabel: Bool) -> KeyFigureDefinition? {
        let required: Set<String> = needsLabel ? ["id", "label", "source", "measure"] : ["source", "measure"]
        guard let f = fields(node, field, ["id", "label", "source", "measure", "filter", "format"], required: required) else { return nil }
        let figureSource = source(f["source"], "\(field).source")
        let figureMeasure = f["measure"].flatMap { measure($0, "\(field).measure", source: figureSource) }
        let figureFilter = filter(f["filter"], "\(field).filter", source: figureSource)
        var format = ValueFormat.integer
        if let node = f["format"], let text = reader.string(node, "\(field).format") {
            if let parsed = ValueFormat(rawValue: text) { format = parsed } else {
                reader.fail(node, "\(field).format", "unknown format '\(text)' (known: \(ValueFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        } else if let figureMeasure, case .sum = figureMeasure { format = .money }
        else if let figureMeasure, case .share = figureMeasure { format = .percent }
        else if let figureMeasure, case .growth = figureMeasure { format = .percent }
        else if let figureMeasure, case .cagr = figureMeasure { format = .percent }
        let id = f["id"].flatMap { reader.string($0, "\(field).id") } ?? ""
        let label = f["label"].flatMap { reader.string($0, "\(field).label") } ?? ""
        guard let figureSource, let figureMeasure else { return nil }
        return KeyFigureDefinition(id: id, label: label, source: figureSource, measure: figureMeasure, filter: figureFilter, format: format)
    }

    func table(_ node: Node, _ field: String) -> TableDefinition? {
        let allowed: Set<String> = ["id", "title", "sheet", "source", "filter", "groupBy", "columns", "sort", "top", "total", "pivot"]
        guard let f = fields(node, field, allowed, required: ["id", "title", "source"]) else { return nil }
        if f["pivot"] == nil && f["columns"] == nil { reader.fail(node, "\(field).columns", "is required (or pivot:)") }
        if let pivotNode = f["pivot"] {
            for key in ["groupBy", "columns", "sort", "top", "total"] where f[key] != nil {
                reader.fail(f[key]!, "\(field).\(key)", "a pivot table takes no \(key): (its rows, columns and totals are in pivot:)")
            }
            let pivotSource = source(f["source"], "\(field).source")
            let pivot = self.pivot(pivotNode, "\(field).pivot", source: pivotSource)
            guard let id = f["id"].flatMap({ reader.string($0, "\(field).id") }),
                  let title = f["title"].flatMap({ reader.string($0, "\(field).title") }), let pivotSource, let pivot else { return nil }
            let sheet = f["sheet"].flatMap { reader.string($0, "\(field).sheet") }
            return TableDefinition(id: id, title: title, sheet: sheet ?? title, source: pivotSource,
                                   filter: filter(f["filter"], "\(field).filter", source: pivotSource), groupBy: nil, columns: [],
                                   sort: nil, top: nil, total: pivot.totals, pivot: pivot, location: reader.location(node))
        }
        let id = f["id"].flatMap { reader.string($0, "\(field).id") }
        let title = f["title"].flatMap { reader.string($0, "\(field).title") }
        let sheet = f["sheet"].flatMap { reader.string($0, "\(field).sheet") }
        let tableSource = source(f["source"], "\(field).source")
        let tableFilter = filter(f["filter"], "\(field).filter", source: tableSource)
        var groupBy: String?
        if let node = f["groupBy"], let name = reader.string(node, "\(field).groupBy") {
            if let tableSource, tableSource.fields[name] == nil {
                reader.fail(node, "\(field).groupBy", "'\(name)' is not a field of \(tableSource.rawValue) (fields: \(tableSource.fields.keys.sorted().joined(separator: ", ")))")
            }
            groupBy = name
        }
        var columns: [ColumnDefinition] = []
        if let node = f["columns"], let items = reader.sequence(node, "\(field).columns") {
            for (index, item) in items.enumerated() {
                let path = "\(field).columns[\(index)]"
                guard let c = fields(item, path, ["id", "header", "field", "value"], required: ["id", "header"]) else { continue }
                guard let cid = c["id"].flatMap({ reader.string($0, "\(path).id") }),
                      let header = c["header"].flatMap({ reader.string($0, "\(path).header") }) else { continue }
                if columns.contains(where: { $0.id == cid }) { reader.fail(item, "\(path).id", "duplicate column id '\(cid)'") }
                if let fieldNode = c["field"], let name = reader.string(fieldNode, "\(path).field") {
                    if groupBy != nil { reader.fail(fieldNode, "\(path).field", "a grouped table's columns use value: group or a measure, not field:") }
                    if let tableSource, tableSource.fields[name] == nil {
                        reader.fail(fieldNode, "\(path).field", "'\(name)' is not a field of \(tableSource.rawValue) (fields: \(tableSource.fields.keys.sorted().joined(separator: ", ")))")
                        continue
                    }
                    columns.append(ColumnDefinition(id: cid, header: header, content: .field(name)))
                } else if let valueNode = c["value"], let text = reader.string(valueNode, "\(path).value") {
                    if groupBy == nil { reader.fail(valueNode, "\(path).value", "value: needs groupBy: on the table; use field: for a list of records"); continue }
                    if text == "group" { columns.append(ColumnDefinition(id: cid, header: header, content: .group)); continue }
                    guard let m = measure(valueNode, "\(path).value", source: tableSource) else { continue }
                    if case .cagr = m, let groupBy, let type = tableSource?.fields[groupBy], type == .year || type == .period {
                        reader.fail(valueNode, "\(path).value", "\(m) is the average annual growth over the table's whole period; in a table grouped by \(groupBy) use growth(\(m.field ?? "")) for each row")
                        continue
                    }
                    columns.append(ColumnDefinition(id: cid, header: header, content: .measure(m)))
                } else {
                    reader.fail(item, path, "a column needs field: (a record field) or value: (group or a measure)")
                }
            }
        }
        var sort: (String, Bool)?
        if let node = f["sort"], let text = reader.string(node, "\(field).sort") {
            let descending = text.hasPrefix("-")
            let name = descending ? String(text.dropFirst()) : text
            if !columns.contains(where: { $0.id == name }) {
                reader.fail(node, "\(field).sort", "sorts by '\(name)', which is not a column id (columns: \(columns.map(\.id).joined(separator: ", ")))")
            }
            sort = (name, descending)
        }
        let top = f["top"].flatMap { reader.integer($0, "\(field).top", range: 1...1000) }
        let total = f["total"].flatMap { reader.bool($0, "\(field).total") } ?? false
        guard let id, let title, let tableSource else { return nil }
        return TableDefinition(id: id, title: title, sheet: sheet ?? title, source: tableSource, filter: tableFilter, groupBy: groupBy,
                               columns: columns, sort: sort, top: top, total: total, pivot: nil, location: reader.location(node))
    }

    func pivot(_ node: Node, _ field: String, source: RecordSource?) -> PivotDefinition? {
        guard let f = fields(node, field, ["rows", "rowsHeader", "columns", "value", "totals", "growth"], required: ["rows", "rowsHeader", "columns", "value"]) else { return nil }
        func fieldName(_ key: String) -> String? {
            guard let node = f[key], let name = reader.string(node, "\(field).\(key)") else { return nil }
            if let source, source.fields[name] == nil {
                reader.fail(node, "\(field).\(key)", "'\(name)' is not a field of \(source.rawValue) (fields: \(source.fields.keys.sorted().joined(separator: ", ")))")
                return nil
            }
            return name
        }
        let rows = fieldName("rows"), columns = fieldName("columns")
        if let rows, rows == columns, let node = f["columns"] { reader.fail(node, "\(field).columns", "rows and columns are both '\(rows)'") }
        let header = f["rowsHeader"].flatMap { reader.string($0, "\(field).rowsHeader") }
        var value: MeasureExpression?
        if let valueNode = f["value"], let measure = measure(valueNode, "\(field).value", source: source) {
            switch measure {
            case .count, .sum: value = measure
            default: reader.fail(valueNode, "\(field).value", "a pivot's cells are count or sum(field), not \(measure)")
            }
        }
        let totals = f["totals"].flatMap { reader.bool($0, "\(field).totals") } ?? true
        let growth = f["growth"].flatMap { reader.bool($0, "\(field).growth") } ?? false
        if growth, let columns, let source, let node = f["growth"], source.fields[columns] != .year, source.fields[columns] != .period {
            reader.fail(node, "\(field).growth", "a growth column compares periods, so the columns must be year, half, quarter or month, not '\(columns)'")
        }
        guard let rows, let columns, let header, let value else { return nil }
        return PivotDefinition(rows: rows, rowsHeader: header, columns: columns, value: value, totals: totals, growth: growth)
    }

    func chart(_ node: Node, _ field: String, tables: [String: TableDefinition]) -> ChartDefinition? {
        let allowed: Set<String> = ["id", "kind", "title", "table", "category", "value", "valueAxis"]
        guard let f = fields(node, field, allowed, required: ["id", "kind", "title", "table", "category", "value"]) else { return nil }
        func text(_ key: String) -> String? { f[key].flatMap { reader.string($0, "\(field).\(key)") } }
        guard let id = text("id"), let kind = text("kind"), let title = text("title"), let tableID = text("table"),
              let category = text("category"), let value = text("value") else { return nil }
        if !["bar", "column", "pie"].contains(kind) { reader.fail(f["kind"]!, "\(field).kind", "unknown chart kind '\(kind)' (known: bar, column, pie)") }
        guard let table = tables[tableID] else {
            reader.fail(f["table"]!, "\(field).table", "no table '\(tableID)' earlier in this report (tables: \(tables.keys.sorted().joined(separator: ", ")))")
            return nil
        }
        for (key, column) in [("category", category), ("value", value)] where !table.columns.contains(where: { $0.id == column }) {
            reader.fail(f[key]!, "\(field).\(key)", "'\(column)' is not a column of table '\(tableID)' (columns: \(table.columns.map(\.id).joined(separator: ", ")))")
        }
        return ChartDefinition(id: id, kind: kind, title: title, table: tableID, category: category, value: value, valueAxis: text("valueAxis"))
    }

    func paragraph(_ node: Node, _ field: String) -> ParagraphDefinition? {
        if case .scalar = node { return reader.string(node, field).map { ParagraphDefinition(text: $0) } }
        guard let f = fields(node, field, ["text", "plural", "pluralBy", "falling", "unchanged", "signBy", "values"], required: ["text"]),
              let text = f["text"].flatMap({ reader.string($0, "\(field).text") }) else { return nil }
        let plural = f["plural"].flatMap { reader.string($0, "\(field).plural") }
        let pluralBy = f["pluralBy"].flatMap { reader.string($0, "\(field).pluralBy") }
        var values: [String: KeyFigureDefinition] = [:]
        if let node = f["values"], let pairs = reader.mapping(node, "\(field).values") {
            for (name, value, _) in pairs {
                if let figure = figure(value, "\(field).values.\(name)", needsLabel: false) { values[name] = figure }
            }
        }
        if (plural == nil) != (pluralBy == nil) { reader.fail(node, field, "plural: and pluralBy: go together") }
        if let pluralBy, values[pluralBy] == nil { reader.fail(node, "\(field).pluralBy", "names '\(pluralBy)', which is not one of values:") }
        let falling = f["falling"].flatMap { reader.string($0, "\(field).falling") }
        let unchanged = f["unchanged"].flatMap { reader.string($0, "\(field).unchanged") }
        let signBy = f["signBy"].flatMap { reader.string($0, "\(field).signBy") }
        if signBy != nil, falling == nil { reader.fail(node, "\(field).falling", "is required with signBy: (the sentence for a fall)") }
        if signBy == nil, let key = ["falling", "unchanged"].first(where: { f[$0] != nil }) {
            reader.fail(f[key]!, "\(field).\(key)", "needs signBy: (the value whose sign chooses the sentence)")
        }
        if signBy != nil, plural != nil { reader.fail(node, field, "a paragraph chooses its sentence by plural: or by signBy:, not both") }
        if let signBy, let node = f["signBy"] {
            if let figure = values[signBy] {
                switch figure.measure {
                case .change, .growth, .cagr: break
                default: reader.fail(node, "\(field).signBy", "names '\(signBy)', which is \(figure.measure); the sign of change(f), growth(f) or cagr(f) chooses a sentence")
                }
            } else {
                reader.fail(node, "\(field).signBy", "names '\(signBy)', which is not one of values:")
            }
        }
        return ParagraphDefinition(text: text, plural: plural, pluralBy: pluralBy, falling: falling, unchanged: unchanged,
                                   signBy: signBy, values: values)
    }

    func list(_ node: Node, _ field: String) -> ListDefinition? {
        guard let f = fields(node, field, ["title", "items", "source", "field", "detail", "filter"]) else { return nil }
        let title = f["title"].flatMap { reader.string($0, "\(field).title") }
        let items = f["items"].flatMap { reader.sequence($0, "\(field).items") }?.enumerated()
            .compactMap { reader.string($0.element, "\(field).items[\($0.offset)]") } ?? []
        let listSource = source(f["source"], "\(field).source")
        let name = f["field"].flatMap { reader.string($0, "\(field).field") }
        if let listSource, let name, let node = f["field"], listSource.fields[name] == nil {
            reader.fail(node, "\(field).field", "'\(name)' is not a field of \(listSource.rawValue)")
        }
        let detail = f["detail"].flatMap { reader.string($0, "\(field).detail") }
        if let listSource, let detail, let node = f["detail"], listSource.fields[detail] == nil {
            reader.fail(node, "\(field).detail", "'\(detail)' is not a field of \(listSource.rawValue)")
        }
        if (listSource == nil) == items.isEmpty && f["source"] == nil { reader.fail(node, field, "a list has items: or source: with field:") }
        return ListDefinition(title: title, items: items, source: listSource, field: name ?? (listSource == nil ? nil : "title"),
                              detail: detail, filter: filter(f["filter"], "\(field).filter", source: listSource))
    }
}
