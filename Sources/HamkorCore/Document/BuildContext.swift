import Foundation
import HamkorLocalization

/// Translation, cell conversion and the smaller blocks, shared by the parts of a build.
struct BuildContext {
    private(set) var builder: ReportBuilder
    /// Where this context's diagnostics go instead of the builder's log, for a part built
    /// beside others (see ``deferringDiagnostics(to:)``).
    private var deferred: DeferredDiagnostics?
    let definition: ReportDefinition
    let converter: CurrencyConverter
    let places: [String: Place]

    /// Each source's rows, wrapped once per build and shared by every table and figure.
    private let rowCache = BuildCache<RecordSource, [RecordRow]>()
    /// ``ProjectColumnStore/readsColumns`` where the build started: its parts may run on other threads.
    private let readsProjectColumns = ProjectColumnStore.readsColumns
    /// Measures over whole (filtered) sources, computed once per build.
    private let measureCache = BuildCache<MeasureKey, [CellValue]>()

    private struct MeasureKey: Hashable {
        let source: RecordSource
        let measure: MeasureExpression
        let filter: [String: [String]]
    }

    /// The report's parameters as text placeholders (`{partner}`, `{partner_with}`, `{period}`).
    private(set) var parameterTexts: [String: String] = [:]

    init(builder: ReportBuilder, definition: ReportDefinition) throws {
        self.builder = builder
        self.definition = definition
        converter = CurrencyConverter(target: definition.currency, rates: builder.dataset.exchangeRates)
        places = builder.dataset.placesByCode
        parameterTexts = try parameterPlaceholders()
    }

    var parameters: ReportParameters { builder.parameters }

    /// This context with its diagnostics and missing translations recorded in `deferred`, to be
    /// replayed into the builder's log and translator in the report's order; the caches are shared.
    func deferringDiagnostics(to deferred: DeferredDiagnostics) -> BuildContext {
        var copy = self
        copy.deferred = deferred
        let locale = builder.locale.translating(with: builder.locale.translator.reporting { deferred.record(.missingTranslation($0)) })
        copy.builder = ReportBuilder(dataset: builder.dataset, vocabulary: builder.vocabulary, locale: locale,
                                     generatedAt: builder.generatedAt, diagnostics: builder.diagnostics, parameters: builder.parameters)
        return copy
    }

    /// Reports a diagnostic to the builder's log, or records it for a part built beside others.
    func report(_ diagnostic: Diagnostic) {
        if let deferred { deferred.record(.diagnostic(diagnostic)) } else { builder.diagnostics.report(diagnostic) }
    }

    /// Each parameter's display text: a partner's CLDR name and its "with" form from the
    /// catalog (`{NAME_with}`), a period as the language writes it, text and codes as given.
    private func parameterPlaceholders() throws -> [String: String] {
        var texts: [String: String] = [:]
        for (name, value) in parameters.entries {
            switch value {
            case .partner(let code) where code.isEmpty:
                texts[name] = try t("all partners", "country form")
                texts[name + "_with"] = try t("with all partners", "country form")
            case .partner(let code):
                texts[name] = locale.countryName(code)
                texts[name + "_with"] = try partnerWith(code)
            case .period(let period): texts[name] = try PeriodNames(locale: locale).name(period)
            case .text(let text), .code(let text): texts[name] = text
            }
        }
        return texts
    }

    /// "with Azerbaijan" in the report's language (ru «с Азербайджаном», az «Azərbaycanla»), from
    /// the vocabulary's `countryWith` entry for the country; a country without one is written
    /// with the catalog's generic pattern and its CLDR name.
    private func partnerWith(_ code: String) throws -> String {
        if let english = builder.vocabulary.englishName(of: code, in: .countryWith) {
            return try t(english, Vocabulary.List.countryWith.context)
        }
        report(Diagnostic(.warning, "no 'with' form of country \(code) in Reports/vocabulary.yaml (countryWith); its name is used as is"))
        return try PlaceholderTemplate(t("with {country}", "country form")).render(["country": locale.countryName(code)])
    }

    /// A definition's text, translated, with the report's parameters filled in.
    func text(_ msgid: String, _ context: String) throws -> String {
        let translated = try t(msgid, context)
        guard translated.contains("{") else { return translated }
        return try PlaceholderTemplate(translated).render(parameterTexts)
    }

    /// A filter with `{partner}` and `{period}` values replaced by the parameters' codes; a key
    /// whose parameter is empty (no partner in the data) filters nothing.
    func resolved(_ filter: [String: [String]]) -> [String: [String]] {
        guard !parameters.entries.isEmpty else { return filter }
        var codes: [String: String] = [:]
        for entry in parameters.entries { codes[entry.name] = entry.value.written }
        return filter.compactMapValues { values in
            let mapped = values.map { value in
                guard value.hasPrefix("{"), value.hasSuffix("}"), let code = codes[String(value.dropFirst().dropLast())] else { return value }
                return code
            }
            return mapped.contains("") ? nil : mapped
        }
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
            report(Diagnostic(.warning, at: location, "\(missing); English is used"))
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
        case .decimal(let number): return .decimal(number, fractionDigits: max(0, -Int(number.exponent)))
        case .year(let year): return .year(year)
        case .date(let date): return .date(date)
        case .period(let unit): return .coded(code: unit.code, label: try PeriodNames(locale: locale).name(unit))
        case .flag(let flag): return .text(try t(flag ? "Yes" : "No", "boolean"))
        }
    }

    /// A cell for a multi-valued field: one value as is, several joined (codes with `|`).
    func cell(_ values: [FieldValue], location: SourceLocation?) throws -> CellValue {
        if values.count <= 1 { return try cell(values.first ?? .none, location: location) }
        return Self.joined(try values.map { try cell($0, location: location) })
    }

    /// One cell for several: codes joined with `|` and labels with `, ` when all are coded,
    /// else their texts joined with `, `.
    static func joined(_ cells: [CellValue]) -> CellValue {
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

    /// A source's records that pass a filter; the key `period` keeps records whose own dates
    /// (a signature, an event's day, a trade row's period, a project's years) fall in the period.
    func records(_ source: RecordSource, filter: [String: [String]]) -> [RecordRow] {
        let rows = rowCache.value(for: source) { RecordRows.rows(source, in: builder.dataset, readsColumns: readsProjectColumns) }
        let filter = resolved(filter)
        guard !filter.isEmpty else { return rows }
        let periods = filter["period"].map { $0.compactMap { $0 == "all" ? nil : try? ReportPeriod(parsing: $0) } }
        let fields = filter.filter { $0.key != "period" }
        return rows.filter { row in
            if let periods, filter["period"] != ["all"] {
                guard let span = row.span, periods.contains(where: { $0.overlaps(from: span.from, through: span.through) }) else { return false }
            }
            return fields.allSatisfy { field, accepted in row.values(field).contains { accepted.contains($0.sortKey) } }
        }
    }

    // MARK: Figures

    /// A measure over a source's (filtered) records, computed once per build.
    func measure(_ measure: MeasureExpression, of source: RecordSource, filter: [String: [String]]) throws -> [CellValue] {
        let filter = resolved(filter)
        return try measureCache.value(for: MeasureKey(source: source, measure: measure, filter: filter)) {
            let aggregate = Aggregate(context: self)
            // A sum or a change over a period the data holds no records for is no figure ("—"),
            // not zero: a quarter not yet reported did not see trade fall by 100 %.
            let counts: Bool = if case .distinct = measure { true } else { measure.field == nil }
            let selected = records(source, filter: filter)
            if !counts, selected.isEmpty { return [.empty] }
            if case .cagr(let field) = measure {
                // From the range's first unit to its last; a period that is no range of whole years has none.
                guard let span = cagrSpan(filter) else { return [.empty] }
                var first = filter, last = filter
                first["period"] = [span.first.code]
                last["period"] = [span.last.code]
                return [aggregate.cagr(first: try aggregate.sums(field, over: records(source, filter: first)),
                                       last: try aggregate.sums(field, over: records(source, filter: last)), years: span.years) ?? .empty]
            }
            guard measure.isComparison, let field = measure.field else {
                return try aggregate.measure(measure, over: selected)
            }
            // Against the same period a year earlier; with no single period there is none, nor
            // for a range longer than a year (2021..2025 against 2020..2024 says little, and the
            // data rarely covers it: cagr(f) is the measure for such a range).
            guard let written = filter["period"], written.count == 1, let period = try? ReportPeriod(parsing: written[0]),
                  period.monthCount <= 12 else { return [.empty] }
            var earlier = filter
            earlier["period"] = [period.yearEarlier.code]
            let current = try aggregate.sums(field, over: selected)
            let previous = try aggregate.sums(field, over: records(source, filter: earlier))
            return [aggregate.comparison(measure, current: current, previous: previous) ?? .empty]
        }
    }

    /// A filter for the comparison with a year earlier: its periods each moved back a year
    /// (`2024-Q2..2025-Q1` → `2023-Q2..2024-Q1`), so a group or pivot column the period cuts
    /// short is compared with the same stretch of the year before; no period, or `all`, stays.
    func yearEarlier(_ filter: [String: [String]]) -> [String: [String]] {
        var filter = resolved(filter)
        guard let written = filter["period"] else { return filter }
        if written.contains("all") { filter["period"] = nil; return filter }
        filter["period"] = written.map { (try? ReportPeriod(parsing: $0))?.yearEarlier.code ?? $0 }
        return filter
    }

    /// The first and last unit of a (resolved) filter's period and the whole years between them,
    /// when the filter names one period that is such a range (`2021..2025`).
    func cagrSpan(_ filter: [String: [String]]) -> (first: ReportPeriod.Unit, last: ReportPeriod.Unit, years: Int)? {
        guard let written = filter["period"], written.count == 1, let period = try? ReportPeriod(parsing: written[0]),
              let years = period.wholeYears else { return nil }
        return (period.first, period.last, years)
    }

    /// One key figure; a money sum in several unconvertible currencies gives one figure per
    /// currency; a figure the data cannot give (no records in the period, no base to compare
    /// with) gives none, so no blank or false zero is shown.
    func keyFigures(_ figure: KeyFigureDefinition) throws -> [KeyFigure] {
        let label = try text(figure.label, "key figure")
        let values = try measure(figure.measure, of: figure.source, filter: figure.filter).filter { $0 != .empty }
        if values.isEmpty { return [] }
        if values.count <= 1 {
            return [KeyFigure(id: figure.id, label: label, value: values[0])]
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

    /// The paragraph, or `nil` when the figure it counts by is zero or every figure is (no
    /// "0 documents were signed", no "turnover came to $0").
    func paragraph(_ paragraph: ParagraphDefinition) throws -> String? {
        var rendered = parameterTexts
        var category = PluralCategory.other
        var allZero = !paragraph.values.isEmpty
        var sentence = paragraph.text
        for (name, figure) in paragraph.values {
            var values = try measure(figure.measure, of: figure.source, filter: figure.filter)
            // A figure the data cannot give (no records in the period, no base to compare with)
            // leaves the sentence out rather than print "—" inside it.
            if values.isEmpty || values.contains(.empty) { return nil }
            if name == paragraph.signBy {
                // The sign chooses the sentence, which says "fell by" for a negative figure: the
                // figure is written without its sign. No figure, no comparison to state.
                guard values.count == 1, let number = values[0].numericValue else { return nil }
                if number < 0 { sentence = paragraph.falling ?? sentence }
                if number == 0 { sentence = paragraph.unchanged ?? sentence }
                values = [values[0].magnitude]
            }
            if values.contains(where: { $0.numericValue.map { $0 != 0 } ?? true }) { allZero = false }
            rendered[name] = try values.map { try formatted($0, as: figure.format) }.joined(separator: " + ")
            if name == paragraph.pluralBy, case .integer(let count)? = values.first {
                if count == 0 { return nil }
                category = locale.pluralRules.category(for: count)
            }
        }
        if allZero && paragraph.signBy == nil { return nil }
        let template = if let plural = paragraph.plural {
            try locale.translator.plural(paragraph.text, plural, category: category, context: "paragraph")
        } else {
            try t(sentence, "paragraph")
        }
        return try PlaceholderTemplate(template).render(rendered)
    }

    func list(_ list: ListDefinition) throws -> BulletListBlock {
        let title = try list.title.map { try text($0, "list title") }
        guard let source = list.source, let field = list.field else {
            return BulletListBlock(title: title, items: try list.items.map { try text($0, "list item") })
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

    /// One paragraph per place: "22–23 August 2024, Tashkent: title; title." Events are in date
    /// order, and on one day in the order of their kinds in the vocabulary (a state visit first).
    func eventParagraphs(_ definition: EventsDefinition) throws -> [String] {
        let kinds = builder.vocabulary.codes(.eventKinds)
        func rank(_ event: CooperationEvent) -> Int { kinds.firstIndex(of: event.kind) ?? kinds.count }
        let rows = records(.events, filter: definition.filter).compactMap { row -> (CooperationEvent, CivilDate)? in
            guard case .event(let event) = row.record, let date = event.date else { return nil }
            return (event, date)
        }.sorted { a, b in
            if a.1 != b.1 { return a.1 < b.1 }
            return rank(a.0) != rank(b.0) ? rank(a.0) < rank(b.0) : a.0.id < b.0.id
        }
        var order: [String] = []
        var byPlace: [String: [(CooperationEvent, CivilDate)]] = [:]
        for row in rows {
            let place = row.0.place ?? ""
            if byPlace[place] == nil { order.append(place) }
            byPlace[place, default: []].append(row)
        }
        let pattern = PlaceholderTemplate(try t("{dates}, {place}: {events}.", "paragraph"))
        return try order.map { place in
            let group = byPlace[place]!
            let titles = try group.map { try resolve($0.0.title, at: $0.0.location) }
            return try pattern.render(["dates": locale.dateRange(group.first!.1, group.last!.1),
                                       "place": place.isEmpty ? "—" : try placeName(place),
                                       "events": titles.joined(separator: "; ")])
        }
    }

    func chart(_ chart: ChartDefinition, tables: [String: TableBlock]) throws -> ChartBlock? {
        guard let table = tables[chart.table],
              let categoryIndex = table.columns.firstIndex(where: { $0.id == chart.category }) else { return nil }
        let valueIndices = chart.values.compactMap { value in table.columns.firstIndex(where: { $0.id == value }) }
        guard !valueIndices.isEmpty, valueIndices.count == chart.values.count else { return nil }
        // Values in different currencies (kept apart for want of exchange rates) are never drawn
        // on one scale: such a chart is left out, with a warning.
        var currencies: Set<String> = []
        for row in table.rows {
            for index in valueIndices { if case .money(let money) = row[index] { currencies.insert(money.currency) } }
        }
        if currencies.count > 1 {
            report(Diagnostic(.warning, "chart '\(chart.id)' is left out: its values are in \(currencies.sorted().joined(separator: ", ")), and the data gives no exchange rate between them"))
            return nil
        }
        // A row is charted when every series has a number in it.
        var categories: [String] = []
        var values = Array(repeating: [Decimal](), count: valueIndices.count)
        for row in table.rows {
            let numbers = valueIndices.compactMap { row[$0].numericValue }
            guard numbers.count == valueIndices.count else { continue }
            categories.append(try formatted(row[categoryIndex], as: .text))
            for (series, number) in numbers.enumerated() { values[series].append(number) }
        }
        let series = zip(valueIndices, values).map { ChartSeries(name: table.columns[$0].header, values: $1) }
        let valueAxis = try chart.valueAxis.map { try t($0, "chart axis") }
            ?? (valueIndices.count == 1 ? table.columns[valueIndices[0]].header : "")
        return ChartBlock(id: chart.id, kind: ChartBlock.Kind(rawValue: chart.kind) ?? .bar, title: try text(chart.title, "chart title"),
                          categoryAxisTitle: table.columns[categoryIndex].header, valueAxisTitle: valueAxis,
                          categories: categories, series: series,
                          source: ChartSource(tableID: table.id, categoryColumn: categoryIndex, valueColumns: valueIndices))
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
