import CXlsxWriter
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open libxlsxwriter workbook, written and freed by ``close()`` exactly once.
///
/// `workbook_close` both writes the file and frees the workbook, so ``close()`` is idempotent
/// (a second call does nothing) and `deinit` frees a workbook that was never closed without
/// writing anything (`lxw_workbook_free`). The C handle never leaves this module.
final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var temporaryFolder: UnsafeMutablePointer<CChar>?
    /// Formats of this workbook, deduplicated by style.
    private(set) var formats: FormatCache!
    /// Whether rows are streamed to disk as they are written (strictly in order).
    let constantMemory: Bool

    /// Creates a workbook that ``close()`` will write to `path`.
    ///
    /// - Parameters:
    ///   - constantMemory: stream each row to a temporary file as soon as the next row starts.
    ///   - temporaryFolder: where libxlsxwriter keeps its temporary files (`nil`: the system's).
    init(path: String, constantMemory: Bool, temporaryFolder: String?) throws {
        self.constantMemory = constantMemory
        self.temporaryFolder = temporaryFolder.flatMap { strdup($0) }
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.tmpdir = self.temporaryFolder
        options.use_zip64 = 0
        guard let handle = workbook_new_opt(path, &options) else {
            free(self.temporaryFolder)
            self.temporaryFolder = nil
            throw XLSXError.cannotCreateWorkbook(path: path)
        }
        self.handle = handle
        self.formats = FormatCache { [unowned self] in
            guard let workbook = self.handle else { throw XLSXError.workbookClosed }
            guard let format = workbook_add_format(workbook) else { throw XLSXError.allocationFailed("a cell format") }
            return format
        }
    }

    deinit {
        if let handle { lxw_workbook_free(handle) }
        free(temporaryFolder)
    }

    private func open() throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw XLSXError.workbookClosed }
        return handle
    }

    /// Adds a worksheet; the name must already satisfy Excel's rules (see ``SheetNamer``).
    func addWorksheet(named name: String) throws -> Worksheet {
        let workbook = try open()
        try LibraryCall.check(workbook_validate_sheet_name(workbook, name), "sheet name '\(name)'")
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw XLSXError.allocationFailed("worksheet '\(name)'")
        }
        return Worksheet(handle: sheet, name: name)
    }

    /// Adds a chart, to be inserted into a worksheet with ``Worksheet/insert(_:row:column:)``.
    func addChart(_ kind: Chart.Kind) throws -> Chart {
        let workbook = try open()
        guard let chart = workbook_add_chart(workbook, kind.libraryType) else {
            throw XLSXError.allocationFailed("a chart")
        }
        return Chart(handle: chart, kind: kind)
    }

    /// Sets the document properties (`docProps/core.xml`, `docProps/app.xml`).
    func setProperties(_ properties: DocumentProperties) throws {
        let workbook = try open()
        var owned: [UnsafeMutablePointer<CChar>?] = []
        defer { owned.forEach { free($0) } }
        func copy(_ text: String?) -> UnsafeMutablePointer<CChar>? {
            guard let text, !text.isEmpty else { return nil }
            let pointer = strdup(text)
            owned.append(pointer)
            return pointer
        }
        var values = lxw_doc_properties()
        values.title = copy(properties.title)
        values.subject = copy(properties.subject)
        values.author = copy(properties.author)
        values.company = copy(properties.company)
        values.category = copy(properties.category)
        values.keywords = copy(properties.keywords)
        values.comments = copy(properties.comments)
        values.created = time_t(properties.created)
        try LibraryCall.check(workbook_set_properties(workbook, &values), "workbook_set_properties")
    }

    /// Adds a text property to `docProps/custom.xml`.
    func setCustomProperty(_ name: String, _ value: String) throws {
        try LibraryCall.check(workbook_set_custom_property_string(try open(), name, value),
                              "custom property '\(name)'")
    }

    /// Writes the file and frees the workbook; later calls do nothing.
    func close() throws {
        guard let handle else { return }
        self.handle = nil
        try LibraryCall.check(workbook_close(handle), "workbook_close")
    }
}
