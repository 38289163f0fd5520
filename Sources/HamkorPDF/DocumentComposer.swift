import Foundation
import HamkorCore
import HamkorExport
import HamkorLocalization

/// Lays a ``ReportDocument`` out on pages: the title block, then every block in reading
/// order, then the data sources and notices. The running header and footer are added by
/// ``PagePainter`` once the page count is known.
struct DocumentComposer {
    let document: ReportDocument
    let context: ExportContext
    let formatter: CellFormatter
    var composer: PageComposer
    /// Footnote numbers run through the document, as in the text briefing.
    var footnoteNumber = 0

    init(document: ReportDocument, context: ExportContext, canvas: CairoCanvas, page: PageSize) {
        self.document = document
        self.context = context
        formatter = CellFormatter(locale: context.locale, dateLength: .prose)
        composer = PageComposer(canvas: canvas, page: page)
    }

    /// Composes every page.
    mutating func compose() -> [[PDFItem]] {
        composeTitleBlock()
        for block in document.blocks { compose(block) }
        composeClosing()
        return composer.pages
    }

    /// The generated date and time line, as the text briefing writes it.
    var generatedLine: String {
        context.locale.dateTime(document.generatedAt, timeZone: TimeZone(identifier: "UTC")!) + " UTC"
    }

    private mutating func composeTitleBlock() {
        composer.place(.bookmark(document.title, level: 0, y: composer.y))
        composer.paragraph(document.title, .title, color: .accent)
        if let subtitle = document.subtitle, !subtitle.isEmpty {
            composer.y += 3
            composer.paragraph(subtitle, .subtitle, color: .muted)
        }
        composer.y += 8
        let labels = document.labels
        composer.paragraph("\(labels.generated): \(generatedLine)", .small, color: .muted)
        composer.paragraph("\(labels.language): \(labels.languageName)", .small, color: .muted)
        composer.y += 6
        composer.place(.line(x1: composer.left, y1: composer.y, x2: composer.left + composer.width, y2: composer.y,
                             width: 1.2, color: .accent))
        composer.y += 10
        if document.isSampleData { composeBanner(labels.sampleData) }
    }

    /// The sample-data notice, boxed, under the title (it also runs in every page's footer).
    private mutating func composeBanner(_ text: String) {
        let padding = 6.0
        let height = composer.height(text, .smallBold, width: composer.width - 2 * padding) + 2 * padding
        composer.ensure(height)
        composer.place(.rectangle(x: composer.left, y: composer.y, width: composer.width, height: height, color: .noticeFill))
        composer.place(.rectangle(x: composer.left, y: composer.y, width: 2.5, height: height, color: .notice))
        composer.place(.text(text, .smallBold, x: composer.left + padding, y: composer.y + padding,
                             width: composer.width - 2 * padding, alignment: .leading, color: .notice))
        composer.y += height + 10
    }

    private mutating func compose(_ block: ReportBlock) {
        switch block {
        case .heading(let text):
            composer.space(12)
            // A heading keeps at least a few lines of its section with it.
            let height = composer.height(text, .heading, width: composer.width)
            composer.ensure(height + 70)
            composer.place(.bookmark(text, level: 0, y: composer.y))
            composer.paragraph(text, .heading, color: .accent)
            composer.y += 2
            composer.place(.line(x1: composer.left, y1: composer.y, x2: composer.left + composer.width, y2: composer.y,
                                 width: 0.5, color: .rule))
            composer.y += 6
        case .keyFigures(let block):
            composeKeyFigures(block)
        case .table(let table):
            composeTable(table.droppingIdentifierColumns())
        case .chart(let chart):
            composeChart(chart)
        case .paragraph(let text):
            composer.space(4)
            composer.paragraph(text, .body)
            composer.y += 4
        case .bulletList(let list):
            composer.space(4)
            if let title = list.title { composer.paragraph(title, .blockTitle, keepWithNext: 14); composer.y += 3 }
            for item in list.items { composeHanging("•", item, .body) }
            composer.y += 4
        case .notes(let notes):
            composeNotes(notes)
        }
    }

    private mutating func composeKeyFigures(_ block: KeyFiguresBlock) {
        composer.space(6)
        let title = block.title ?? document.labels.keyFigures
        composer.paragraph(title, .blockTitle, keepWithNext: 50)
        composer.y += 5
        // Three cards a row; four make two rows of two rather than three and one.
        let perRow = block.figures.count == 4 ? 2 : 3
        let gap = 8.0, padding = 7.0
        let cardWidth = (composer.width - gap * Double(perRow - 1)) / Double(perRow)
        let inner = cardWidth - 2 * padding
        var index = 0
        while index < block.figures.count {
            let row = Array(block.figures[index..<min(index + perRow, block.figures.count)])
            let contents = row.map { figure in (figure.label, formatter.string(for: figure.value)) }
            let height = contents.map { label, value in
                composer.height(label, .figureLabel, width: inner) + 3 + composer.height(value, .figureValue, width: inner)
            }.max()! + 2 * padding
            composer.ensure(height)
            for (column, (label, value)) in contents.enumerated() {
                let x = composer.left + Double(column) * (cardWidth + gap)
                composer.place(.rectangle(x: x, y: composer.y, width: cardWidth, height: height, color: .figureFill))
                composer.place(.rectangle(x: x, y: composer.y, width: 2, height: height, color: .accent))
                composer.place(.text(label, .figureLabel, x: x + padding, y: composer.y + padding, width: inner,
                                     alignment: .leading, color: .muted))
                let labelHeight = composer.height(label, .figureLabel, width: inner)
                composer.place(.text(value, .figureValue, x: x + padding, y: composer.y + padding + labelHeight + 3,
                                     width: inner, alignment: .leading, color: .text))
            }
            composer.y += height + gap
            index += perRow
        }
        composer.y += 2
    }

    /// A marker (bullet, footnote number) with the text hanging beside it.
    mutating func composeHanging(_ marker: String, _ text: String, _ style: TextStyle, color: RGB = .text) {
        let indent = 14.0
        let height = composer.height(text, style, width: composer.width - indent)
        composer.ensure(height)
        composer.place(.text(marker, style, x: composer.left + 2, y: composer.y, width: indent, alignment: .leading, color: color))
        composer.place(.text(text, style, x: composer.left + indent, y: composer.y, width: composer.width - indent,
                             alignment: .leading, color: color))
        composer.y += height + 2
    }

    mutating func composeNotes(_ notes: [String]) {
        guard !notes.isEmpty else { return }
        composer.space(4)
        for note in notes {
            footnoteNumber += 1
            composeHanging("[\(footnoteNumber)]", note, .small, color: .muted)
        }
    }

    private mutating func composeClosing() {
        var lines: [String] = []
        if !document.dataSources.isEmpty { lines.append(contentsOf: document.dataSources) }
        let notices = (document.isSampleData ? [document.labels.sampleData] : [])
            + (document.hasIllustrativeFigures ? [document.labels.illustrativeNote] : [])
        guard !lines.isEmpty || !notices.isEmpty else { return }
        composer.space(14)
        composer.ensure(40)
        composer.place(.line(x1: composer.left, y1: composer.y, x2: composer.left + composer.width, y2: composer.y,
                             width: 0.5, color: .rule))
        composer.y += 6
        if !lines.isEmpty {
            composer.paragraph("\(document.labels.dataSources):", .smallBold, keepWithNext: 12)
            composer.y += 2
            for source in lines { composeHanging("•", source, .small, color: .muted) }
        }
        for notice in notices {
            composer.y += 2
            composer.paragraph(notice, .small, color: .muted)
        }
    }
}
