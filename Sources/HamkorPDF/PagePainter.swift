import HamkorCore
import HamkorLocalization

/// Paints composed pages onto the canvas with the running header (the report's title and
/// generated date) and footer (the sample-data notice when it applies, and "page X of Y" in
/// the report's language), and builds the bookmark outline.
struct PagePainter {
    let canvas: CairoCanvas
    let page: PageSize
    let document: ReportDocument
    let locale: ReportLocale
    let generatedLine: String

    func paint(_ pages: [[PDFItem]]) {
        for (index, items) in pages.enumerated() {
            paintHeader()
            paintFooter(page: index + 1, of: pages.count)
            for item in items { paint(item, page: index + 1) }
            canvas.showPage()
        }
    }

    private func paint(_ item: PDFItem, page number: Int) {
        switch item {
        case .text(let text, let style, let x, let y, let width, let alignment, let color):
            canvas.drawText(text, style: style, x: x, y: y, width: width, alignment: alignment, color: color)
        case .line(let x1, let y1, let x2, let y2, let width, let color):
            canvas.line(from: (x1, y1), to: (x2, y2), width: width, color: color)
        case .rectangle(let x, let y, let width, let height, let color):
            canvas.fillRectangle(x: x, y: y, width: width, height: height, color: color)
        case .polyline(let points, let width, let color):
            canvas.polyline(points.map { ($0.x, $0.y) }, width: width, color: color)
        case .dot(let centerX, let centerY, let radius, let color):
            canvas.fillCircle(centerX: centerX, centerY: centerY, radius: radius, color: color)
        case .wedge(let centerX, let centerY, let radius, let start, let end, let color):
            canvas.fillWedge(centerX: centerX, centerY: centerY, radius: radius, start: start, end: end, color: color)
        case .bookmark(let title, let level, let y):
            canvas.addOutline(title, level: level, page: number, y: y)
        }
    }

    private func paintHeader() {
        let width = page.textWidth
        let dateWidth = min(width * 0.4, canvas.naturalWidth(generatedLine, style: .small) + 1)
        canvas.drawText(document.title, style: .small, x: page.left, y: page.headerTop, width: width - dateWidth - 12,
                        alignment: .leading, color: .muted, oneLine: true)
        canvas.drawText(generatedLine, style: .small, x: page.left + width - dateWidth, y: page.headerTop, width: dateWidth,
                        alignment: .trailing, color: .muted)
        let ruleY = page.top - 8
        canvas.line(from: (page.left, ruleY), to: (page.left + width, ruleY), width: 0.5, color: .rule)
    }

    private func paintFooter(page number: Int, of count: Int) {
        let width = page.textWidth
        canvas.line(from: (page.left, page.footerTop), to: (page.left + width, page.footerTop), width: 0.5, color: .rule)
        let pageText = document.labels.pageOfPages
            .replacingOccurrences(of: "{page}", with: locale.integer(number))
            .replacingOccurrences(of: "{pages}", with: locale.integer(count))
        let pageWidth = canvas.naturalWidth(pageText, style: .small) + 1
        canvas.drawText(pageText, style: .small, x: page.left + width - pageWidth, y: page.footerTop + 4, width: pageWidth,
                        alignment: .trailing, color: .muted)
        if document.isSampleData {
            canvas.drawText(document.labels.sampleData, style: .smallBold, x: page.left, y: page.footerTop + 4,
                            width: width - pageWidth - 16, alignment: .leading, color: .notice)
        }
    }
}
