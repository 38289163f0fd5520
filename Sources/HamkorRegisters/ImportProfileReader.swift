import Foundation
import HamkorCore
import HamkorWorkbook
import Yams

/// Reads an import profile (YAML) with located errors: `profile.yaml:7:12: error: columns.value: …`.
public struct ImportProfileReader {
    public init() {}

    private static let topLevel = ["records", "sheet", "header", "columns", "periods", "values", "end", "decimalMark"]

    /// Reads and checks the profile at `url`; throws ``DataError`` listing every problem.
    public func read(_ url: URL) throws -> ImportProfile {
        let text = try SourceText.read(url, limit: 1 << 20)
        return try read(text: text, file: url.path)
    }

    public func read(text: String, file: String) throws -> ImportProfile {
        let problems = ProblemList()
        guard let root = try YAMLSafetyGuard.compose(text, file: file) else {
            throw DataError.invalid([DataProblem(SourceLocation(file: file), "the profile is empty")])
        }
        let reader = YAMLNodeReader(file: file, problems: problems)
        let profile = read(root, reader)
        guard problems.isEmpty, let profile else { throw DataError.invalid(problems.problems) }
        return profile
    }

    private func read(_ root: Node, _ reader: YAMLNodeReader) -> ImportProfile? {
        guard let pairs = reader.mapping(root, "", allowed: Self.topLevel) else { return nil }
        var nodes: [String: Node] = [:]
        for pair in pairs { nodes[pair.key] = pair.value }
        var schema: RecordSchema?
        if let node = nodes["records"], let kind = reader.string(node, "records") {
            if let source = RecordSource(rawValue: kind), case let found = source.schema {
                schema = found
            } else {
                reader.fail(node, "records", "a register holds one record kind: \(RecordSource.kindList), not '\(TerminalText.excerpt(kind, 40))'")
            }
        } else if nodes["records"] == nil {
            reader.fail(root, "records", "is required: \(RecordSource.kindList)")
        }
        let sheet = nodes["sheet"].flatMap { reader.string($0, "sheet") }
        var headerRow = 1, headerRows = 1
        if let node = nodes["header"] {
            if case .scalar = node {
                headerRow = reader.integer(node, "header", range: 1...1_048_576) ?? 1
            } else if let header = reader.mapping(node, "header", allowed: ["row", "rows"]) {
                for (key, value, _) in header {
                    if key == "row" { headerRow = reader.integer(value, "header.row", range: 1...1_048_576) ?? 1 }
                    if key == "rows" { headerRows = reader.integer(value, "header.rows", range: 1...10) ?? 1 }
                }
            }
        }
        guard let schema else { return nil }
        var fields: [ImportProfile.FieldMapping] = []
        if let node = nodes["columns"], let columns = reader.mapping(node, "columns", allowed: schema.names) {
            for (key, value, keyNode) in columns {
                if let mapping = fieldMapping(key, value, keyNode, reader) { fields.append(mapping) }
            }
        } else if nodes["columns"] == nil {
            reader.fail(root, "columns", "is required: a mapping from field to header text, column letter or value")
        }
        var periods: ImportProfile.Periods?
        if let node = nodes["periods"] {
            periods = readPeriods(node, schema, reader)
        }
        var values: [String: [String: String]] = [:]
        if let node = nodes["values"], let maps = reader.mapping(node, "values", allowed: schema.names) {
            for (field, mapNode, _) in maps {
                guard let entries = reader.mapping(mapNode, "values.\(field)") else { continue }
                var map: [String: String] = [:]
                for (from, to, _) in entries {
                    if let target = reader.string(to, "values.\(field).\(from)") { map[HeaderText.normalize(from)] = target }
                }
                values[field] = map
            }
        }
        var endMarkers: [String] = []
        if let node = nodes["end"], let items = reader.listOrScalar(node, "end") {
            endMarkers = items.enumerated().compactMap { reader.string($0.element, "end[\($0.offset)]").map(HeaderText.normalize) }
        }
        var decimalMark: Character = ","
        if let node = nodes["decimalMark"], let mark = reader.string(node, "decimalMark") {
            if mark == "," || mark == "." { decimalMark = Character(mark) } else { reader.fail(node, "decimalMark", "expected ',' or '.'") }
        }
        for required in schema.columns where required.isRequired {
            let covered = fields.contains { $0.field == required.name } || periods.map { [$0.field, $0.value].contains(required.name) } ?? false
            let currencyFromUnit = required.name == "currency" && (fields.contains { $0.unit?.currency != nil } || periods?.unit?.currency != nil)
            if !covered && !currencyFromUnit {
                reader.fail(nodes["columns"] ?? root, "columns.\(required.name)", "the \(schema.source.rawValue) field '\(required.name)' is required; map it to a column or give a value")
            }
        }
        for text in schema.stored where text.type == .text && text.isRequired
        && !fields.contains(where: { $0.field == text.name || $0.field == "\(text.name).en" }) {
            reader.fail(nodes["columns"] ?? root, "columns.\(text.name).en",
                        "\(schema.source.rawValue) need an English \(text.name): map \(text.name).en (or \(text.name)) to a column")
        }
        return ImportProfile(file: reader.file, schema: schema, sheet: sheet, headerRow: headerRow, headerRows: headerRows,
                             fields: fields, periods: periods, values: values, endMarkers: endMarkers, decimalMark: decimalMark)
    }

    private func fieldMapping(_ field: String, _ node: Node, _ keyNode: Node, _ reader: YAMLNodeReader) -> ImportProfile.FieldMapping? {
        let location = reader.location(keyNode)
        if case .scalar = node {
            guard let text = reader.string(node, "columns.\(field)") else { return nil }
            return .init(field: field, source: .header([text]), unit: nil, location: location)
        }
        if case .sequence = node {
            let texts = reader.sequence(node, "columns.\(field)")?.enumerated().compactMap { reader.string($0.element, "columns.\(field)[\($0.offset)]") } ?? []
            return texts.isEmpty ? nil : .init(field: field, source: .header(texts), unit: nil, location: location)
        }
        guard let pairs = reader.mapping(node, "columns.\(field)", allowed: ["header", "column", "value", "unit"]) else { return nil }
        var source: ImportProfile.Source?
        var unit: RegisterUnit?
        for (key, value, _) in pairs {
            let path = "columns.\(field).\(key)"
            switch key {
            case "header":
                let texts = reader.listOrScalar(value, path)?.enumerated().compactMap { reader.string($0.element, "\(path)[\($0.offset)]") } ?? []
                if !texts.isEmpty { source = .header(texts) }
            case "column":
                if let letters = reader.string(value, path) {
                    if let column = CellAddress.column(letters: letters) { source = .column(column) } else { reader.fail(value, path, "expected column letters such as D or AB") }
                }
            case "value":
                if let text = reader.scalarText(value, path) { source = .constant(text) }
            case "unit":
                if let text = reader.string(value, path) {
                    unit = RegisterUnit(text)
                    if unit == nil { reader.fail(value, path, "unknown unit '\(TerminalText.excerpt(text, 40))'; write a scale (тыс., млн, млрд, ming, mln, thousand, million) and/or a currency (долл. США, USD, soʻm, manat)") }
                }
            default: break
            }
        }
        guard let source else {
            reader.fail(node, "columns.\(field)", "give header, column or value")
            return nil
        }
        return .init(field: field, source: source, unit: unit, location: location)
    }

    private func readPeriods(_ node: Node, _ schema: RecordSchema, _ reader: YAMLNodeReader) -> ImportProfile.Periods? {
        guard let pairs = reader.mapping(node, "periods", allowed: ["field", "value", "unit"]) else { return nil }
        var field: String?, value: String?, unit: RegisterUnit?
        for (key, valueNode, _) in pairs {
            guard let text = reader.string(valueNode, "periods.\(key)") else { continue }
            switch key {
            case "field", "value":
                guard let known = schema.column(text) else {
                    reader.fail(valueNode, "periods.\(key)", "unknown \(schema.source.rawValue) field '\(TerminalText.excerpt(text, 40))' (known: \(schema.names.joined(separator: ", ")))")
                    continue
                }
                if key == "field" {
                    if known.type == .year || known.type == .period { field = text } else { reader.fail(valueNode, "periods.field", "the period field must be a year or period field") }
                } else {
                    if known.type == .decimal { value = text } else { reader.fail(valueNode, "periods.value", "the value field must be an amount") }
                }
            case "unit":
                unit = RegisterUnit(text)
                if unit == nil { reader.fail(valueNode, "periods.unit", "unknown unit '\(TerminalText.excerpt(text, 40))'") }
            default: break
            }
        }
        guard let field, let value else {
            reader.fail(node, "periods", "give field (a year or period field) and value (an amount field)")
            return nil
        }
        return .init(field: field, value: value, unit: unit, location: reader.location(node))
    }
}
