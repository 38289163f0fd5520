import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// A streaming reader of `.xlsx` workbooks (Office Open XML spreadsheets), over ZIPFoundation
/// and Foundation's `XMLParser`.
///
/// Opening reads the small parts (workbook, relationships, styles) and the shared-string table;
/// ``rows(of:_:)`` then streams one sheet row by row, so memory does not grow with the number
/// of rows. Values are what the file stores: formulas are never evaluated (their cached
/// results are read), macros (`vbaProject.bin`) and external links are never opened, and
/// document type declarations are refused. Every bound is in ``WorkbookLimits``.
public final class Workbook {
    /// One sheet as the workbook lists it.
    public struct Sheet: Sendable, Hashable {
        public var name: String
        public var isHidden: Bool
        /// The part holding it, such as `xl/worksheets/sheet1.xml`.
        public var part: String
    }

    /// The layout of a sheet that its rows do not carry: hidden columns and merged ranges.
    public struct Layout: Sendable {
        public var hiddenColumns: Set<Int>
        public var mergedRanges: [CellRange]
    }

    public let sheets: [Sheet]
    /// True when dates count from 1904 (`<workbookPr date1904="1"/>`).
    public let uses1904: Bool
    /// True when the file carries a VBA project; it is never read or run.
    public let hasMacros: Bool
    /// True when the workbook links to other files; links are never followed.
    public let hasExternalLinks: Bool

    private let archive: Archive
    private let limits: WorkbookLimits
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>

    /// Opens a workbook; throws ``WorkbookError`` when the file is not one (CSV or HTML saved as
    /// `.xlsx`, a damaged archive) or breaks a limit.
    public init(url: URL, limits: WorkbookLimits = .standard) throws {
        self.limits = limits
        try Self.refuseNonZip(url)
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw WorkbookError.notWorkbook("the ZIP archive cannot be opened (\(error))")
        }
        self.archive = archive
        let reader = PartReader(archive: archive, limits: limits)
        let workbookPath = try Self.officeDocumentPath(archive, reader)
        let folder = (workbookPath as NSString).deletingLastPathComponent
        guard let workbookEntry = archive[workbookPath] else { throw WorkbookError.notWorkbook("it has no \(workbookPath)") }
        let workbookParts = ElementCollector(names: ["sheet", "workbookPr"])
        try reader.parse(workbookEntry, maxBytes: limits.maxSmallPartBytes, delegate: workbookParts)
        let relationships = try Self.relationships(of: workbookPath, archive, reader)
        var sheets: [Sheet] = []
        var targets: [String: String] = [:]
        for relation in relationships { targets[relation.id] = Self.resolve(relation.target, in: folder) }
        for element in workbookParts.elements where element.name == "sheet" {
            guard let name = element.attributes["name"], let id = element.attributes["id"], let part = targets[id] else { continue }
            sheets.append(Sheet(name: name, isHidden: element.attributes["state"].map { $0 != "visible" } ?? false, part: part))
        }
        guard !sheets.isEmpty else { throw WorkbookError.notWorkbook("it lists no worksheets") }
        self.sheets = sheets
        uses1904 = workbookParts.elements.contains { $0.name == "workbookPr" && ["1", "true"].contains($0.attributes["date1904"] ?? "") }
        let paths = archive.map(\.path)
        hasMacros = paths.contains { $0.lowercased().hasSuffix("vbaproject.bin") }
        hasExternalLinks = relationships.contains { $0.type.hasSuffix("/externalLink") }
            || paths.contains { $0.hasPrefix("\(folder)/externalLinks/") }

        var stylesPath: String?, stringsPath: String?
        for relation in relationships {
            if relation.type.hasSuffix("/styles") { stylesPath = Self.resolve(relation.target, in: folder) }
            if relation.type.hasSuffix("/sharedStrings") { stringsPath = Self.resolve(relation.target, in: folder) }
        }
        dateStyles = try Self.dateStyles(stylesPath.flatMap { archive[$0] }, reader, limits)
        if let entry = stringsPath.flatMap({ archive[$0] }) {
            let collector = SharedStringsCollector(limits: limits)
            try reader.parse(entry, maxBytes: limits.maxPartBytes, delegate: collector)
            sharedStrings = collector.strings
        } else {
            sharedStrings = []
        }
    }

    /// A sheet by name (exact, then ignoring case).
    public func sheet(named name: String) -> Sheet? {
        sheets.first { $0.name == name } ?? sheets.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Hidden columns and merged ranges of a sheet: one quick pass over its bytes, no XML parse.
    public func layout(of sheet: Sheet) throws -> Layout {
        guard let entry = archive[sheet.part] else { throw WorkbookError("sheet '\(sheet.name)' has no part \(sheet.part)") }
        var scanner = TagScanner(names: ["col", "mergeCell"])
        try PartReader(archive: archive, limits: limits).stream(entry, maxBytes: limits.maxPartBytes) { scanner.scan($0) }
        var hidden = Set<Int>()
        var merged: [CellRange] = []
        for (name, attributes) in scanner.found {
            if name == "col", ["1", "true"].contains(attributes["hidden"] ?? ""),
               let min = attributes["min"].flatMap(Int.init), let max = attributes["max"].flatMap(Int.init),
               min >= 1, max >= min, max <= limits.maxColumn {
                hidden.formUnion(min...Swift.min(max, min + 1024))
            } else if name == "mergeCell", let range = attributes["ref"].flatMap(CellRange.init) {
                merged.append(range)
            }
        }
        return Layout(hiddenColumns: hidden, mergedRanges: merged)
    }

    /// Streams a sheet's rows in order to `body`; return false from `body` to stop early.
    /// Errors thrown by `body` as ``WorkbookError`` end the read and are rethrown.
    public func rows(of sheet: Sheet, _ body: @escaping (SheetRow) throws -> Bool) throws {
        guard let entry = archive[sheet.part] else { throw WorkbookError("sheet '\(sheet.name)' has no part \(sheet.part)") }
        let parser = SheetRowParser(sheetName: sheet.name, sharedStrings: sharedStrings, dateStyles: dateStyles,
                                    limits: limits, onRow: body)
        try PartReader(archive: archive, limits: limits).parse(entry, maxBytes: limits.maxPartBytes, delegate: parser)
    }

    // MARK: Opening

    /// A `.xlsx` is a ZIP archive; text (CSV, HTML, XML spreadsheet 2003) saved under that name
    /// is named for what it is.
    private static func refuseNonZip(_ url: URL) throws {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 512)) ?? Data()
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw WorkbookError.notWorkbook("it is an old binary .xls workbook or an encrypted one")
        }
        let text = String(decoding: head, as: UTF8.self).lowercased()
        if text.contains("<html") || text.contains("<!doctype") || text.contains("<table") {
            throw WorkbookError.notWorkbook("it is an HTML page")
        }
        if text.contains("<?xml") { throw WorkbookError.notWorkbook("it is an XML file (perhaps an XML Spreadsheet 2003)") }
        if head.isEmpty { throw WorkbookError.notWorkbook("the file is empty") }
        if text.contains(",") || text.contains(";") || text.contains("\t") {
            throw WorkbookError.notWorkbook("it is text, perhaps CSV; name it .csv, or save it from Excel as .xlsx")
        }
        throw WorkbookError.notWorkbook("it is not a ZIP archive")
    }

    private struct Relationship { var id: String; var type: String; var target: String }

    private static func officeDocumentPath(_ archive: Archive, _ reader: PartReader) throws -> String {
        guard let entry = archive["_rels/.rels"] else {
            if archive["xl/workbook.xml"] != nil { return "xl/workbook.xml" }
            throw WorkbookError.notWorkbook("it has neither _rels/.rels nor xl/workbook.xml (a ZIP file, but not a workbook)")
        }
        let collector = ElementCollector(names: ["Relationship"])
        try reader.parse(entry, maxBytes: reader.limits.maxSmallPartBytes, delegate: collector)
        for element in collector.elements where (element.attributes["Type"] ?? "").hasSuffix("/officeDocument") {
            if let target = element.attributes["Target"] { return resolve(target, in: "") }
        }
        throw WorkbookError.notWorkbook("it names no workbook part (perhaps a Word or PowerPoint file)")
    }

    private static func relationships(of part: String, _ archive: Archive, _ reader: PartReader) throws -> [Relationship] {
        let folder = (part as NSString).deletingLastPathComponent
        let name = (part as NSString).lastPathComponent
        let path = folder.isEmpty ? "_rels/\(name).rels" : "\(folder)/_rels/\(name).rels"
        guard let entry = archive[path] else { return [] }
        let collector = ElementCollector(names: ["Relationship"])
        try reader.parse(entry, maxBytes: reader.limits.maxSmallPartBytes, delegate: collector)
        return collector.elements.compactMap { element in
            guard let id = element.attributes["Id"], let type = element.attributes["Type"], let target = element.attributes["Target"],
                  element.attributes["TargetMode"] != "External" else { return nil }
            return Relationship(id: id, type: type, target: target)
        }
    }

    /// A relationship target as an archive path: absolute (`/xl/x.xml`) or relative to `folder`.
    private static func resolve(_ target: String, in folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    /// The indexes of the cell formats (`cellXfs`) that show dates.
    private static func dateStyles(_ entry: Entry?, _ reader: PartReader, _ limits: WorkbookLimits) throws -> Set<Int> {
        guard let entry else { return [] }
        let collector = ElementCollector(names: ["numFmt", "xf"])
        try reader.parse(entry, maxBytes: limits.maxSmallPartBytes, delegate: collector)
        var customDates = Set<Int>()
        for element in collector.elements where element.name == "numFmt" {
            if let id = element.attributes["numFmtId"].flatMap(Int.init), DateFormats.isDate(element.attributes["formatCode"] ?? "") {
                customDates.insert(id)
            }
        }
        var styles = Set<Int>()
        for (index, element) in collector.elements.filter({ $0.name == "xf" && $0.parent == "cellXfs" }).enumerated() {
            let format = element.attributes["numFmtId"].flatMap(Int.init) ?? 0
            if DateFormats.builtIn.contains(format) || customDates.contains(format) { styles.insert(index) }
        }
        return styles
    }
}
