/// Flows content down the text area of a page and starts new pages: the cursor, the pages
/// composed so far, and measuring through the canvas.
struct PageComposer {
    let canvas: CairoCanvas
    let page: PageSize
    private(set) var pages: [[PDFItem]] = [[]]
    /// The top of the free space on the current page.
    var y: Double

    init(canvas: CairoCanvas, page: PageSize) {
        self.canvas = canvas
        self.page = page
        y = page.top
    }

    /// The left edge and width of the text area.
    var left: Double { page.left }
    var width: Double { page.textWidth }
    /// Whether nothing has been placed below the top of the current page yet.
    var atPageTop: Bool { y <= page.top }
    /// The free height left on the current page.
    var remaining: Double { page.bodyBottom - y }

    /// Starts a new page.
    mutating func newPage() {
        pages.append([])
        y = page.top
    }

    /// Starts a new page unless `height` fits below the cursor (or the page is still empty:
    /// something taller than a page is set from the top and clipped by nothing else).
    mutating func ensure(_ height: Double) {
        if height > remaining && !atPageTop { newPage() }
    }

    /// Places an item on the current page.
    mutating func place(_ item: PDFItem) {
        pages[pages.count - 1].append(item)
    }

    /// Leaves vertical space (none at the top of a page).
    mutating func space(_ points: Double) {
        if !atPageTop { y = min(y + points, page.bodyBottom) }
    }

    /// The height of a text wrapped at `width`.
    func height(_ text: String, _ style: TextStyle, width: Double) -> Double {
        canvas.measure(text, style: style, width: width).height
    }

    /// Places a text block at the cursor, on a new page if it does not fit, and moves below it.
    mutating func paragraph(_ text: String, _ style: TextStyle, indent: Double = 0, color: RGB = .text,
                            keepWithNext extra: Double = 0) {
        let width = self.width - indent
        let height = self.height(text, style, width: width)
        ensure(height + extra)
        place(.text(text, style, x: left + indent, y: y, width: width, alignment: .leading, color: color))
        y += height
    }
}
