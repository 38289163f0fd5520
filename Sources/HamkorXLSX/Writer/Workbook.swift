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
    /// Where ``close()`` writes the workbook.
    let path: String

    /// Creates a workbook that ``close()`` will write to `path`.
    ///
    /// - Parameters:
    ///   - constantMemory: stream each row to a temporary file as soon as the next row starts.
    ///   - temporaryFolder: where libxlsxwriter keeps its temporary files (`nil`: the system's).
    init(path: String, constantMemory: Bool, temporaryFolder: String?) throws {
        self.path = path
        self.constantMemory = constantMemory
        self.temporaryFolder = temporaryFolder.flatMap { strdup($0) }
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.tmpdir = self.temporaryFolder
        options.use_zip64 = 0
        let (created, lines) = LibraryMessages.capturing { workbook_new_opt(path, &options) }
        guard let handle = created else {
            free(self.temporaryFolder)
            self.temporaryFolder = nil
            if !lines.isEmpty { throw XLSXError.cannotWriteFile(reason: "libxlsxwriter could not start the workbook") }
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
        try XMLText.check(name, "sheet name '\(name)'")
        try LibraryCall.check(workbook_validate_sheet_name(workbook, name), "sheet name '\(name)'")
        // With constant memory, each sheet opens a temporary file (in a folder that may be full).
        let (added, lines) = LibraryMessages.capturing { workbook_add_worksheet(workbook, name) }
        guard let sheet = added else {
            if !lines.isEmpty { throw XLSXError.cannotWriteFile(reason: "libxlsxwriter could not create a temporary file for worksheet '\(name)'") }
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
        for text in [properties.title, properties.subject, properties.author, properties.company, properties.category,
                     properties.keywords, properties.comments] {
            if let text { try XMLText.check(text, "the document property '\(text.prefix(40))'") }
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
        try XMLText.check(value, "custom property '\(name)'")
        try LibraryCall.check(workbook_set_custom_property_string(try open(), name, value),
                              "custom property '\(name)'")
    }

    /// Writes the file and frees the workbook; later calls do nothing. Returns the warnings
    /// libxlsxwriter printed (its failures are thrown, naming no temporary file).
    @discardableResult
    func close() throws -> [String] {
        guard let handle else { return [] }
        self.handle = nil
        let (code, lines) = LibraryMessages.capturing { workbook_close(handle) }
        try LibraryCall.check(code, "workbook_close", printed: lines)
        return lines.map { line in line.replacingOccurrences(of: path, with: "the workbook") }
    }
}
