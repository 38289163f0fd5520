/// A report as analysts declare it in `Reports/definitions/*.yaml`: ordered sections over the
/// dataset. All text is English source text that the catalogs translate.
public struct ReportDefinition: Sendable, Equatable {
    public var id: String
    public var title: String
    public var subtitle: String?
    /// The currency money is reported in (converted only with rates from the data).
    public var currency: String
    public var sections: [SectionDefinition]
    /// The parameters the report takes (`partner`, `period`, ...), in declaration order.
    public var parameters: [ParameterDefinition]
    /// Where the definition was read from.
    public var file: String
    /// Where its `id` is written (the file alone when not read from one).
    public var idLocation: SourceLocation

    public init(id: String, title: String, subtitle: String?, currency: String, sections: [SectionDefinition],
                parameters: [ParameterDefinition] = [], file: String, idLocation: SourceLocation? = nil) {
        self.id = id
        self.idLocation = idLocation ?? SourceLocation(file: file)
        self.parameters = parameters
        self.title = title
        self.subtitle = subtitle
        self.currency = currency
        self.sections = sections
        self.file = file
    }
}

/// One section of a report definition.
public enum SectionDefinition: Sendable, Equatable {
    case heading(String)
    case keyFigures(title: String?, figures: [KeyFigureDefinition])
    case table(TableDefinition)
    case chart(ChartDefinition)
    case paragraph(ParagraphDefinition)
    case list(ListDefinition)
    case notes([String])
    /// Running text made from the dataset's events (dates, place, titles), one paragraph per place.
    case events(EventsDefinition)
}

/// An opening written from the events data: the events that pass `filter` (typically the
/// report's period), grouped by place, each group as "22–23 August 2024, Tashkent: …".
public struct EventsDefinition: Sendable, Equatable {
    public var filter: [String: [String]]

    public init(filter: [String: [String]]) { self.filter = filter }
}

/// A headline number: a measure over a source, with a label.
public struct KeyFigureDefinition: Sendable, Equatable {
    public var id: String
    public var label: String
    public var source: RecordSource
    public var measure: MeasureExpression
    public var filter: [String: [String]]
    /// `integer`, `money`, `compactMoney`, `percent`.
    public var format: ValueFormat
}

/// How a computed value is shown inside text.
public enum ValueFormat: String, Sendable, Equatable, CaseIterable {
    case integer, money, compactMoney, percent, text
}

/// A table: a source, filters, optional grouping, typed columns, sort, top-N and a total row.
public struct TableDefinition: Sendable, Equatable {
    public var id: String
    public var title: String
    /// The worksheet tab name (English source; translated, then made Excel-safe by the exporter).
    public var sheet: String
    public var source: RecordSource
    public var filter: [String: [String]]
    public var groupBy: String?
    public var columns: [ColumnDefinition]
    /// Column id to sort by, and whether descending.
    public var sort: (column: String, descending: Bool)?
    /// Keep the first N groups and fold the rest into an "Other" row.
    public var top: Int?
    public var total: Bool
    /// A cross-tab instead of `groupBy` and `columns`.
    public var pivot: PivotDefinition?
    public var location: SourceLocation

    public static func == (lhs: TableDefinition, rhs: TableDefinition) -> Bool {
        lhs.id == rhs.id && lhs.title == rhs.title && lhs.sheet == rhs.sheet && lhs.source == rhs.source
            && lhs.filter == rhs.filter && lhs.groupBy == rhs.groupBy && lhs.columns == rhs.columns
            && lhs.sort?.column == rhs.sort?.column && lhs.sort?.descending == rhs.sort?.descending
            && lhs.top == rhs.top && lhs.total == rhs.total && lhs.pivot == rhs.pivot
    }
}

/// A cross-tab: one row per value of `rows`, one column per value of `columns` (in order, such
/// as years), `value` in the cells, and with `totals` a row-total column and a total row. With
/// `growth` (columns by a period: year, half, quarter or month), a last column holds each row's
/// growth in the last period column on the same period a year earlier.
///
/// ```yaml
/// pivot: {rows: section, rowsHeader: HS section, columns: year, value: sum(turnover), totals: true, growth: true}
/// ```
public struct PivotDefinition: Sendable, Equatable {
    public var rows: String
    /// The English header of the row-label column.
    public var rowsHeader: String
    public var columns: String
    /// `sum(field)` or `count`.
    public var value: MeasureExpression
    public var totals: Bool
    /// A growth column: the last period column on the same period a year earlier.
    public var growth: Bool

    public init(rows: String, rowsHeader: String, columns: String, value: MeasureExpression, totals: Bool, growth: Bool = false) {
        self.growth = growth
        self.rows = rows
        self.rowsHeader = rowsHeader
        self.columns = columns
        self.value = value
        self.totals = totals
    }
}

/// A column: a stable id, an English header, and either a record field or (in grouped
/// tables) `group` or a measure.
public struct ColumnDefinition: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case field(String)
        case group
        case measure(MeasureExpression)
    }

    public var id: String
    public var header: String
    public var content: Content
}

/// A chart of one column over the category column of a table in the same report.
public struct ChartDefinition: Sendable, Equatable {
    public var id: String
    public var kind: String
    public var title: String
    public var table: String
    public var category: String
    public var value: String
    public var valueAxis: String?
}

/// A sentence from the catalogs whose placeholders bind to computed figures.
///
/// With `signBy`, the sentence is chosen by the sign of that figure — `text` when it rose,
/// `falling` when it fell, `unchanged` (or `text`) at zero — and the figure is written without
/// its sign: "grew by 12.4 %", "fell by 3.1 %". Each is a whole catalog sentence, so every
/// language words the verb its own way. With no figure (no base to compare with) the
/// paragraph is left out.
public struct ParagraphDefinition: Sendable, Equatable {
    /// The English text, or its singular form when `plural` is set, or its rising form with `signBy`.
    public var text: String
    /// The English plural form (`msgid_plural`), selected by the value named in `pluralBy`.
    public var plural: String?
    public var pluralBy: String?
    /// The English sentence for a negative `signBy` figure.
    public var falling: String?
    /// The English sentence for a `signBy` figure of zero (as shown); `text` when absent.
    public var unchanged: String?
    /// The value whose sign chooses the sentence.
    public var signBy: String?
    /// Placeholder name → figure.
    public var values: [String: KeyFigureDefinition]

    public init(text: String, plural: String? = nil, pluralBy: String? = nil, falling: String? = nil, unchanged: String? = nil,
                signBy: String? = nil, values: [String: KeyFigureDefinition] = [:]) {
        self.text = text
        self.plural = plural
        self.pluralBy = pluralBy
        self.falling = falling
        self.unchanged = unchanged
        self.signBy = signBy
        self.values = values
    }
}

/// A bulleted list: fixed catalog items, or one item per record of a source.
public struct ListDefinition: Sendable, Equatable {
    public var title: String?
    public var items: [String]
    public var source: RecordSource?
    public var field: String?
    /// A second field shown after the first (`recipient` with `detail: title`: a name and the honour).
    public var detail: String?
    public var filter: [String: [String]]
}
