import Foundation
import HamkorLocalization

/// Translation, cell conversion and the smaller blocks, shared by the parts of a build.
struct BuildContext {
    let builder: ReportBuilder
    let definition: ReportDefinition
    let converter: CurrencyConverter
    let places: [String: Place]

    /// Each source's rows, wrapped once per build and shared by every table and figure.
    private let rowCache = BuildCache<RecordSource, [RecordRow]>()
    /// Measures over whole (filtered) sources, computed once per build.
    private let measureCache = BuildCache<MeasureKey, [CellValue]>()

    private struct MeasureKey: Hashable {
        let source: RecordSource
        let measure: MeasureExpression
        let filter: [String: [String]]
    }

    init(builder: ReportBuilder, definition: ReportDefinition) {
        self.builder = builder
        self.definition = definition
        converter = CurrencyConverter(target: definition.currency, rates: builder.dataset.exchangeRates)
        places = builder.dataset.placesByCode
    }

    var locale: ReportLocale { builder.locale }
    var language: LanguageTag { builder.locale.language }

    /// Translates a catalog string.
    func t(_ msgid: String, _ context: String) throws -> String {
        try locale.translator.text(msgid, context: context)
    }

    /// Resolves text from the data, reporting a missing translation with its location.
    func resolve(_ text: LocalizedText, at location: SourceLocation?) throws -> String {
        try text.resolve(language) {
            let missing = "no \(language.tag) text for \"\(TerminalText.excerpt(text.english, 60))\""
            if builder.locale.translator.isStrict {
                throw DataError.invalid([DataProblem(location ?? SourceLocation(file: "dataset"), field: language.tag,
                                                     "\(missing); add it, or leave out --strict to fall back to English")])
            }
            builder.diagnostics.report(Diagnostic(.warning, at: location, "\(missing); English is used"))
        }
    }

    func codeName(_ list: Vocabulary.List, _ code: String) throws -> String {
        guard let english = builder.vocabulary.englishName(of: code, in: list) else { return code }
        return try t(english, list.context)
    }

    func placeName(_ code: String) throws -> String {
        guard let place = places[code] else { return code }
        return try resolve(place.name, at: place.location)
    }

    /// The localized cell for one field value.
    func cell(_ value: FieldValue, location: SourceLocation? = nil) throws -> CellValue {
        switch value {
        case .none: return .empty
        case .identifier(let id): return .text(id)
        case .text(let text): return .text(try resolve(text, at: location))
        case .plain(let text): return .text(text)
        case .code(let list, let code): return .coded(code: code, label: try codeName(list, code))
        case .country(let code): return .coded(code: code, label: locale.countryName(code))
        case .place(let code): return .coded(code: code, label: try placeName(code))
        case .money(let money): return .money(converter.convert(money))
        case .year(let year): return .year(year)
        case .date(let date): return .date(date)
        case .flag(let flag): return .text(try t(flag ? "Yes" : "No", "boolean"))
        }
    }

    /// A cell for a multi-valued field: one value as is, several joined (codes with `|`).
    func cell(_ values: [FieldValue], location: SourceLocation?) throws -> CellValue {
        if values.count <= 1 { return try cell(values.first ?? .none, location: location) }
        let cells = try values.map { try cell($0, location: location) }
        let codes = cells.compactMap { if case .coded(let code, _) = $0 { code } else { nil } }
        let labels = cells.map { cell -> String in
            switch cell {
            case .coded(_, let label): label
            case .text(let text): text
            default: ""
            }
        }
        if codes.count == cells.count { return .coded(code: codes.joined(separator: "|"), label: labels.joined(separator: ", ")) }
        return .text(labels.joined(separator: ", "))
    }

    func records(_ source: RecordSource, filter: [String: [String]]) -> [RecordRow] {
        let rows = rowCache.value(for: source) { RecordRows.rows(source, in: builder.dataset) }
        guard !filter.isEmpty else { return rows }
        return rows.filter { row in
            filter.allSatisfy { field, accepted in row.values(field).contains { accepted.contains($0.sortKey) } }
        }
    }

    // MARK: Figures

    /// A measure over a source's (filtered) records, computed once per build.
    func measure(_ measure: MeasureExpression, of source: RecordSource, filter: [String: [String]]) throws -> [CellValue] {
        try measureCache.value(for: MeasureKey(source: source, measure: measure, filter: filter)) {
            try Aggregate(context: self).measure(measure, over: records(source, filter: filter))
        }
    }

    /// One key figure; a money sum in several unconvertible currencies gives one figure per currency.
    func keyFigures(_ figure: KeyFigureDefinition) throws -> [KeyFigure] {
        let label = try t(figure.label, "key figure")
        let values = try measure(figure.measure, of: figure.source, filter: figure.filter)
        if values.count <= 1 {
            return [KeyFigure(id: figure.id, label: label, value: values.first ?? .integer(0))]
        }
        return values.map { value in
            if case .money(let money) = value {
                return KeyFigure(id: "\(figure.id)-\(money.currency)", label: "\(label) (\(money.currency))", value: value)
            }
            return KeyFigure(id: figure.id, label: label, value: value)
        }
    }

    /// A value as running text writes it: money by its currency's name, dates in the long style.
    func formatted(_ value: CellValue, as format: ValueFormat) throws -> String {
        switch (value, format) {
        case (.money(let money), .compactMoney): try locale.proseMoney(money.amount, currency: money.currency)
        case (.money(let money), _): locale.money(money.amount, currency: money.currency)
        case (.integer(let n), _): locale.integer(n)
        case (.percent(let p), _): locale.percent(p)
        case (.year(let y), _): String(y)
        case (.date(let d), _): locale.date(d, .prose)
        case (.decimal(let d, let digits), _): locale.decimal(d, fractionDigits: digits)
        case (.coded(_, let label), _): label
        case (.text(let text), _): text
        case (.empty, _): "—"
        }
    }

    func paragraph(_ paragraph: ParagraphDefinition) throws -> String {
        var rendered: [String: String] = [:]
        var category = PluralCategory.other
        for (name, figure) in paragraph.values {
            let values = try measure(figure.measure, of: figure.source, filter: figure.filter)
            rendered[name] = try values.map { try formatted($0, as: figure.format) }.joined(separator: " + ")
            if name == paragraph.pluralBy, case .integer(let count)? = values.first {
                category = locale.pluralRules.category(for: count)
            }
        }
        let template = if let plural = paragraph.plural {
            try locale.translator.plural(paragraph.text, plural, category: category, context: "paragraph")
        } else {
            try t(paragraph.text, "paragraph")
        }
        return try PlaceholderTemplate(template).render(rendered)
    }

    func list(_ list: ListDefinition) throws -> BulletListBlock {
        let title = try list.title.map { try t($0, "list title") }
        guard let source = list.source, let field = list.field else {
            return BulletListBlock(title: title, items: try list.items.map { try t($0, "list item") })
        }
        // By date, then by the item's text in the report language's collation: the same order as
        // a table of the same records sorted by that text.
        let rows = records(source, filter: list.filter)
        let withDetail = try list.detail.map { _ in try t("{item}, {detail}", "list item with detail") }
        let items = try rows.map { row -> String in
            let item = try formatted(try cell(row.values(field), location: row.location), as: .text)
            guard let detail = list.detail, let withDetail else { return item }
            let text = try formatted(try cell(row.values(detail), location: row.location), as: .text)
            return try PlaceholderTemplate(withDetail).render(["item": item, "detail": text])
        }
        let dates = rows.map { row in (row.values("date").first ?? row.values("signed").first)?.sortKey ?? "" }
        let ranks = CollationRanks(items, locale: locale)
        let order = rows.indices.sorted { a, b in
            if dates[a] != dates[b] { return dates[a] < dates[b] }
            return ranks.rank(a) != ranks.rank(b) ? ranks.rank(a) < ranks.rank(b) : rows[a].id < rows[b].id
        }
        let sortedItems = order.map { items[$0] }
        return BulletListBlock(title: title, items: sortedItems)
    }

    func chart(_ chart: ChartDefinition, tables: [String: TableBlock]) throws -> ChartBlock? {
        guard let table = tables[chart.table],
              let categoryIndex = table.columns.firstIndex(where: { $0.id == chart.category }),
              let valueIndex = table.columns.firstIndex(where: { $0.id == chart.value }) else { return nil }
        let points = try table.rows.compactMap { row -> ChartPoint? in
            guard let value = row[valueIndex].numericValue else { return nil }
            return ChartPoint(label: try formatted(row[categoryIndex], as: .text), value: value)
        }
        return ChartBlock(id: chart.id, kind: ChartBlock.Kind(rawValue: chart.kind) ?? .bar, title: try t(chart.title, "chart title"),
                          categoryAxisTitle: table.columns[categoryIndex].header,
                          valueAxisTitle: try chart.valueAxis.map { try t($0, "chart axis") } ?? table.columns[valueIndex].header,
                          seriesName: table.columns[valueIndex].header, points: points,
                          source: ChartSource(tableID: table.id, categoryColumn: categoryIndex, valueColumn: valueIndex))
    }

    func labels() throws -> ReportLabels {
        let chrome = "report chrome"
        return ReportLabels(
            sampleData: try t("Sample data: figures are for demonstration and are not official statistics.", chrome),
            illustrativeNote: try t("Figures marked illustrative are estimates; the record gives only totals.", chrome),
            generated: try t("Generated", chrome),
            language: try t("Language", chrome),
            languageName: language.autonym,
            dataSources: try t("Data sources", chrome),
            summary: try t("Summary", "sheet name"),
            keyFigures: try t("Key figures", chrome),
            total: try t("Total", chrome),
            pageOfPages: try t("Page {page} of {pages}", chrome),
            category: try t("Bilateral cooperation report", chrome))
    }
}
