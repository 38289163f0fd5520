import CXlsxWriter

/// A format owned by its workbook (freed when the workbook is).
struct Format {
    let handle: UnsafeMutablePointer<lxw_format>
}
