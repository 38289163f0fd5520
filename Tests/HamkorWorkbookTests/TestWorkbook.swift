import Foundation
import ZIPFoundation

/// Writes small `.xlsx` files part by part for the reader's tests, hostile ones included.
enum TestWorkbook {
    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>
    """
    static let rootRels = """
    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
    </Relationships>
    """

    static func workbookXML(sheets: [String], date1904: Bool = false) -> String {
        let entries = sheets.enumerated().map { #"<sheet name="\#($0.element)" sheetId="\#($0.offset + 1)" r:id="rId\#($0.offset + 1)"/>"# }.joined()
        return """
        <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\(date1904 ? #"<workbookPr date1904="1"/>"# : "")\
        <sheets>\(entries)</sheets></workbook>
        """
    }

    static func workbookRels(sheets: Int, extra: String = "") -> String {
        let entries = (1...sheets).map {
            #"<Relationship Id="rId\#($0)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0).xml"/>"#
        }.joined()
        return """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(entries)\
        <Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
        <Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\(extra)\
        </Relationships>
        """
    }

    static let styles = """
    <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/></numFmts>\
    <cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>\
    <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>
    """

    static func sheet(_ body: String, before: String = "", after: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        \(before)<sheetData>\(body)</sheetData>\(after)</worksheet>
        """
    }

    static func sharedStrings(_ strings: [String]) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + strings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>"
    }

    /// A workbook of one sheet with the given sheet XML, shared strings and extra parts.
    static func write(sheet: String, strings: [String] = [], extraParts: [String: Data] = [:], relsExtra: String = "",
                      sheetNames: [String] = ["Лист1"], date1904: Bool = false) throws -> URL {
        var parts: [String: Data] = [
            "[Content_Types].xml": Data(contentTypes.utf8),
            "_rels/.rels": Data(rootRels.utf8),
            "xl/workbook.xml": Data(workbookXML(sheets: sheetNames, date1904: date1904).utf8),
            "xl/_rels/workbook.xml.rels": Data(workbookRels(sheets: sheetNames.count, extra: relsExtra).utf8),
            "xl/styles.xml": Data(styles.utf8),
            "xl/sharedStrings.xml": Data(sharedStrings(strings).utf8),
            "xl/worksheets/sheet1.xml": Data(sheet.utf8),
        ]
        for (path, data) in extraParts { parts[path] = data }
        return try writeParts(parts)
    }

    static func writeParts(_ parts: [String: Data]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hamkor-wb-\(UUID().uuidString).xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url
    }

    /// A part whose body is `count` bytes of the same character, streamed into the archive
    /// without building it in memory.
    static func writeRepeated(path: String, prefix: String, filler: UInt8, count: Int, suffix: String, base: [String: Data]) throws -> URL {
        let url = try writeParts(base)
        let archive = try Archive(url: url, accessMode: .update)
        let head = Data(prefix.utf8), tail = Data(suffix.utf8)
        let total = head.count + count + tail.count
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(total), compressionMethod: .deflate, bufferSize: 1 << 16) { position, size in
            var chunk = Data(repeating: filler, count: size)
            let start = Int(position)
            // Only the chunks that overlap the head or the tail need copying.
            if start < head.count {
                for index in start..<min(head.count, start + size) { chunk[index - start] = head[index] }
            }
            let tailStart = head.count + count
            if start + size > tailStart {
                for index in max(start, tailStart)..<(start + size) { chunk[index - start] = tail[index - tailStart] }
            }
            return chunk
        }
        return url
    }
}
