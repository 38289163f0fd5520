/// One block of a report's content. Exporters `switch` over it with no `default:`, so a new
/// kind of block is a compile error in every exporter until it is handled.
public enum ReportBlock: Sendable, Equatable {
    /// A section heading.
    case heading(String)
    /// Labelled headline numbers.
    case keyFigures(KeyFiguresBlock)
    /// A table with typed cells and an optional total row.
    case table(TableBlock)
    /// A chart of one measure over one grouping.
    case chart(ChartBlock)
    /// A paragraph of running text, already localized and with figures formatted.
    case paragraph(String)
    /// A bulleted list.
    case bulletList(BulletListBlock)
    /// Footnotes.
    case notes([String])
}

extension ReportBlock {
    /// Whether the block shows something from the data (a heading or notes alone do not).
    var holdsData: Bool {
        switch self {
        case .keyFigures, .table, .chart, .paragraph, .bulletList: true
        case .heading, .notes: false
        }
    }
}

/// Headline numbers with their labels.
public struct KeyFiguresBlock: Sendable, Equatable {
    public var title: String?
    public var figures: [KeyFigure]

    public init(title: String? = nil, figures: [KeyFigure]) {
        self.title = title
        self.figures = figures
    }
}

/// One headline number.
public struct KeyFigure: Sendable, Equatable {
    /// A stable id (`total-value`), the same in every language.
    public var id: String
    public var label: String
    public var value: CellValue

    public init(id: String, label: String, value: CellValue) {
        self.id = id
        self.label = label
        self.value = value
    }
}

/// A titled list of items.
public struct BulletListBlock: Sendable, Equatable {
    public var title: String?
    public var items: [String]

    public init(title: String? = nil, items: [String]) {
        self.title = title
        self.items = items
    }
}
