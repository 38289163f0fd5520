import CXlsxWriter

/// One `lxw_format` per distinct ``CellStyle`` of a workbook.
///
/// libxlsxwriter keeps every format it is given until the workbook closes, so creating one per
/// cell would bloat `styles.xml` and memory; this cache creates each style once.
final class FormatCache {
    private var formats: [CellStyle: Format] = [:]
    private let make: () throws -> UnsafeMutablePointer<lxw_format>

    init(make: @escaping () throws -> UnsafeMutablePointer<lxw_format>) {
        self.make = make
    }

    /// How many distinct formats were created.
    var count: Int { formats.count }

    /// The format for a style; `nil` for ``CellStyle/plain``.
    func format(_ style: CellStyle) throws -> Format? {
        if style == .plain { return nil }
        if let format = formats[style] { return format }
        let handle = try make()
        if style.bold { format_set_bold(handle) }
        if style.italic { format_set_italic(handle) }
        if let size = style.fontSize { format_set_font_size(handle, size) }
        if let color = style.fontColor { format_set_font_color(handle, lxw_color_t(color)) }
        if let code = style.numberFormat { format_set_num_format(handle, code) }
        if let fill = style.fill {
            format_set_pattern(handle, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(handle, lxw_color_t(fill))
        }
        if style.border { format_set_border(handle, UInt8(LXW_BORDER_THIN.rawValue)) }
        if style.topBorder { format_set_top(handle, UInt8(LXW_BORDER_THIN.rawValue)) }
        if style.wrap { format_set_text_wrap(handle) }
        switch style.alignment {
        case .general: break
        case .left: format_set_align(handle, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(handle, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(handle, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        if style.verticallyCentered { format_set_align(handle, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)) }
        if style.indent > 0 { format_set_indent(handle, style.indent) }
        let format = Format(handle: handle)
        formats[style] = format
        return format
    }
}
