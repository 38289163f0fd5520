import CPangoCairo
import Foundation

/// The one door to Cairo and Pango: a PDF surface written into memory, with Pango text set
/// in points. Everything else in the module works with plain values; no pointer leaves here.
///
/// Text is shaped and broken by Pango (Unicode line breaking, hyphens inside words broken
/// at a margin, font fallback); the PDF surface embeds a subset of every font used, with a
/// ToUnicode map, so text copies out as text.
final class CairoCanvas {
    /// Pango's fixed-point scale (`PANGO_SCALE`).
    private static let pangoScale: Double = 1024

    private let surface: OpaquePointer
    private let cairo: OpaquePointer
    private let pango: OpaquePointer
    private let collector: ByteCollector
    private let fontFamily: String
    private var fontCache: [TextStyle: OpaquePointer] = [:]
    private var finished = false
    private var lastSection: Int32 = 0
    private var measured: [MeasureKey: (width: Double, height: Double)] = [:]

    /// A canvas of `size` points per page; `language` steers shaping and line breaking.
    init(pageSize: PageSize, language: String, fontFamily: String) throws {
        collector = ByteCollector()
        let closure = Unmanaged.passUnretained(collector).toOpaque()
        surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<ByteCollector>.fromOpaque(closure).takeUnretainedValue().append(data, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, closure, pageSize.width, pageSize.height)
        cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        cairo = cairo_create(surface)
        pango = pango_cairo_create_context(cairo)
        self.fontFamily = fontFamily
        pango_cairo_context_set_resolution(pango, 72)  // Pango sizes in points, as the page
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)  // widths independent of a device
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(pango, options)
        cairo_font_options_destroy(options)
        pango_context_set_language(pango, pango_language_from_string(language))
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PDFError.cairo(String(cString: cairo_status_to_string(status)))
        }
    }

    deinit {
        fontCache.values.forEach { pango_font_description_free($0) }
        g_object_unref(UnsafeMutableRawPointer(pango))
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    // MARK: Document

    /// Sets the document information dictionary (dates as `YYYY-MM-DDThh:mm:ssZ`).
    func setMetadata(_ info: PDFInfo) {
        let entries: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, info.title), (CAIRO_PDF_METADATA_AUTHOR, info.author),
            (CAIRO_PDF_METADATA_SUBJECT, info.subject), (CAIRO_PDF_METADATA_KEYWORDS, info.keywords.joined(separator: ", ")),
            (CAIRO_PDF_METADATA_CREATOR, info.creator),
            (CAIRO_PDF_METADATA_CREATE_DATE, info.date), (CAIRO_PDF_METADATA_MOD_DATE, info.date),
        ]
        for (key, value) in entries { cairo_pdf_surface_set_metadata(surface, key, value) }
    }

    /// Adds a bookmark to the outline pointing at `y` on the 1-based `page`: level 0 at the
    /// top of the outline, level 1 under the latest level-0 bookmark.
    func addOutline(_ title: String, level: Int, page: Int, y: Double) {
        let target = "page=\(page) pos=[0 \(Self.number(y))]"
        let parent = level == 0 ? 0 : lastSection
        let id = cairo_pdf_surface_add_outline(surface, parent, title, target,
                                               level == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0))
        if level == 0 { lastSection = id }
    }

    /// Ends the current page.
    func showPage() {
        cairo_show_page(cairo)
    }

    /// Finishes the document and returns its bytes.
    func finish() throws -> [UInt8] {
        precondition(!finished)
        finished = true
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PDFError.cairo(String(cString: cairo_status_to_string(status)))
        }
        return collector.bytes
    }

    // MARK: Text

    /// The size a text takes when set in `style`, wrapped at `width` points. Sizes are
    /// remembered: tables repeat their codes, statuses and places on every page.
    func measure(_ text: String, style: TextStyle, width: Double) -> (width: Double, height: Double) {
        let key = MeasureKey(text: text, style: style, width: width)
        if let known = measured[key] { return known }
        let size = withLayout(text, style: style, width: width, alignment: .leading) { layout in
            var w: Int32 = 0, h: Int32 = 0
            pango_layout_get_size(layout, &w, &h)
            return (width: Double(w) / Self.pangoScale, height: Double(h) / Self.pangoScale)
        }
        measured[key] = size
        return size
    }

    /// The width of one unwrapped line of text.
    func naturalWidth(_ text: String, style: TextStyle) -> Double {
        measure(text, style: style, width: 0).width
    }

    /// Sets text with its top-left corner at (x, y), wrapped at `width` points.
    /// With `oneLine`, text that does not fit ends in an ellipsis instead of wrapping.
    func drawText(_ text: String, style: TextStyle, x: Double, y: Double, width: Double, alignment: TextAlignment, color: RGB,
                  oneLine: Bool = false) {
        withLayout(text, style: style, width: width, alignment: alignment) { layout in
            if oneLine { pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END) }
            cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
            cairo_move_to(cairo, x, y)
            pango_cairo_show_layout(cairo, layout)
        }
    }

    private func withLayout<T>(_ text: String, style: TextStyle, width: Double, alignment: TextAlignment,
                               _ body: (OpaquePointer) -> T) -> T {
        let layout = pango_layout_new(pango)!
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        pango_layout_set_font_description(layout, font(style))
        if width > 0 {
            pango_layout_set_width(layout, Int32(width * Self.pangoScale))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        switch alignment {
        case .leading: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .trailing: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        if style.lineSpacing != 1 { pango_layout_set_line_spacing(layout, Float(style.lineSpacing)) }
        pango_layout_set_text(layout, text, -1)
        return body(layout)
    }

    private func font(_ style: TextStyle) -> OpaquePointer {
        if let cached = fontCache[style] { return cached }
        let description = pango_font_description_from_string("\(fontFamily) \(style.bold ? "Bold " : "")\(Self.number(style.size))")!
        fontCache[style] = description
        return description
    }

    // MARK: Shapes

    /// A straight line.
    func line(from start: (Double, Double), to end: (Double, Double), width: Double, color: RGB) {
        cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
        cairo_set_line_width(cairo, width)
        cairo_move_to(cairo, start.0, start.1)
        cairo_line_to(cairo, end.0, end.1)
        cairo_stroke(cairo)
    }

    /// A filled rectangle.
    func fillRectangle(x: Double, y: Double, width: Double, height: Double, color: RGB) {
        cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
        cairo_rectangle(cairo, x, y, width, height)
        cairo_fill(cairo)
    }

    /// A filled pie wedge from `start` to `end` radians, clockwise from three o'clock.
    func fillWedge(centerX: Double, centerY: Double, radius: Double, start: Double, end: Double, color: RGB) {
        cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
        cairo_move_to(cairo, centerX, centerY)
        cairo_arc(cairo, centerX, centerY, radius, start, end)
        cairo_close_path(cairo)
        cairo_fill_preserve(cairo)
        cairo_set_source_rgb(cairo, 1, 1, 1)
        cairo_set_line_width(cairo, 0.75)
        cairo_stroke(cairo)
    }

    /// A filled circle.
    func fillCircle(centerX: Double, centerY: Double, radius: Double, color: RGB) {
        cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
        cairo_new_sub_path(cairo)
        cairo_arc(cairo, centerX, centerY, radius, 0, 2 * Double.pi)
        cairo_fill(cairo)
    }

    /// A polyline through the points (a line chart's series).
    func polyline(_ points: [(Double, Double)], width: Double, color: RGB) {
        guard let first = points.first else { return }
        cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
        cairo_set_line_width(cairo, width)
        cairo_set_line_join(cairo, CAIRO_LINE_JOIN_ROUND)
        cairo_move_to(cairo, first.0, first.1)
        for point in points.dropFirst() { cairo_line_to(cairo, point.0, point.1) }
        cairo_stroke(cairo)
    }

    /// A number as PDF link attributes want it: plain digits and a dot.
    private static func number(_ value: Double) -> String {
        String(format: "%.2f", locale: Locale(identifier: "en_US_POSIX"), value)
    }
}

/// What a measured size depends on.
private struct MeasureKey: Hashable {
    var text: String
    var style: TextStyle
    var width: Double
}

/// Receives the bytes Cairo writes.
private final class ByteCollector {
    private(set) var bytes: [UInt8] = []

    func append(_ data: UnsafePointer<UInt8>, count: Int) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: count))
    }
}
