import Foundation

/// Adds the document's language (`/Lang`) and an XMP metadata stream (`/Metadata`) to the
/// catalog of a finished PDF, as an incremental update (ISO 32000-1, 7.5.6).
///
/// Cairo 1.16 (Debian bookworm) has no call for either (1.18 writes `/Lang` only from tagged
/// structure, and XMP not at all). Cairo's bytes are kept as they are; appended after them are
/// the metadata stream as a new object, the catalog again with both entries, a cross-reference
/// section for those two objects, and a trailer that points back at Cairo's (`/Prev`). Every
/// reader resolves the catalog to the appended one. The result is as deterministic as its input.
enum CatalogUpdate {
    static func append(language tag: String, metadata: [UInt8], to pdf: [UInt8]) throws -> [UInt8] {
        let previous = try lastCrossReferenceOffset(pdf)
        guard previous < pdf.count, pdf[previous...].starts(with: Array("xref".utf8)) else {
            throw PDFError.unexpectedStructure("startxref does not point at a cross-reference table")
        }
        guard let trailerStart = pdf.lastRange(of: Array("trailer".utf8)), trailerStart.lowerBound > previous,
              let trailerEnd = pdf[trailerStart.upperBound...].firstRange(of: Array("startxref".utf8)) else {
            throw PDFError.unexpectedStructure("no trailer after the cross-reference table")
        }
        let trailer = String(decoding: pdf[trailerStart.upperBound..<trailerEnd.lowerBound], as: UTF8.self)
        guard let size = integer(after: "/Size", in: trailer), let root = reference(after: "/Root", in: trailer) else {
            throw PDFError.unexpectedStructure("the trailer lacks /Size or /Root")
        }
        let catalog = try dictionary(ofObject: root, in: pdf)
        guard catalog.contains("/Catalog") else { throw PDFError.unexpectedStructure("/Root is not a catalog") }
        guard !catalog.contains("/Lang"), !catalog.contains("/Metadata") else {
            throw PDFError.unexpectedStructure("the catalog already has /Lang or /Metadata")
        }

        let safeTag = String(tag.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0 == "-" || ("0"..."9").contains($0)) })
        let metadataObject = size
        var result = pdf
        if result.last != 0x0A { result.append(0x0A) }
        let metadataOffset = result.count
        result += Array("\(metadataObject) 0 obj\n<< /Type /Metadata /Subtype /XML /Length \(metadata.count) >>\nstream\n".utf8)
        result += metadata
        result += Array("\nendstream\nendobj\n".utf8)
        let catalogOffset = result.count
        let entries = "<< /Lang (\(safeTag)) /Metadata \(metadataObject) 0 R" + String(catalog.dropFirst(2))
        result += Array("\(root.number) \(root.generation) obj\n\(entries)\nendobj\n".utf8)

        let crossReferenceOffset = result.count
        func entry(_ offset: Int, _ generation: Int) -> String { String(format: "%010d %05d n \n", offset, generation) }
        // The head of the free list first, as a full table has it (some readers take a section
        // that starts elsewhere for a damaged table).
        var table = "xref\n0 1\n0000000000 65535 f \n"
        if root.number + 1 == metadataObject {
            table += "\(root.number) 2\n" + entry(catalogOffset, root.generation) + entry(metadataOffset, 0)
        } else {
            table += "\(root.number) 1\n" + entry(catalogOffset, root.generation) + "\(metadataObject) 1\n" + entry(metadataOffset, 0)
        }
        var newTrailer = "trailer\n<< /Size \(metadataObject + 1)\n   /Root \(root.number) \(root.generation) R\n"
        if let info = reference(after: "/Info", in: trailer) { newTrailer += "   /Info \(info.number) \(info.generation) R\n" }
        if let id = trailer.range(of: "/ID"), let close = trailer[id.upperBound...].firstIndex(of: "]") {
            newTrailer += "   " + String(trailer[id.lowerBound...close]) + "\n"
        }
        newTrailer += "   /Prev \(previous)\n>>\nstartxref\n\(crossReferenceOffset)\n%%EOF\n"
        result += Array((table + newTrailer).utf8)
        return result
    }

    /// The offset after the file's last `startxref`.
    private static func lastCrossReferenceOffset(_ pdf: [UInt8]) throws -> Int {
        guard let keyword = pdf.lastRange(of: Array("startxref".utf8)) else { throw PDFError.unexpectedStructure("no startxref") }
        let digits = pdf[keyword.upperBound...].drop { !isDigit($0) }.prefix { isDigit($0) }
        guard let offset = Int(String(decoding: digits, as: UTF8.self)) else { throw PDFError.unexpectedStructure("unreadable startxref") }
        return offset
    }

    /// The dictionary of the last definition of an object (`N G obj << … >> endobj`), `<<…>>` included.
    private static func dictionary(ofObject object: (number: Int, generation: Int), in pdf: [UInt8]) throws -> String {
        let header = Array("\n\(object.number) \(object.generation) obj".utf8)
        guard let start = pdf.lastRange(of: header),
              let end = pdf[start.upperBound...].firstRange(of: Array("endobj".utf8)) else {
            throw PDFError.unexpectedStructure("no object \(object.number) \(object.generation)")
        }
        let body = String(decoding: pdf[start.upperBound..<end.lowerBound], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard body.hasPrefix("<<"), body.hasSuffix(">>") else {
            throw PDFError.unexpectedStructure("object \(object.number) is not a dictionary")
        }
        return body
    }

    private static func integer(after key: String, in text: String) -> Int? {
        numbers(after: key, in: text, count: 1)?.first
    }

    private static func reference(after key: String, in text: String) -> (number: Int, generation: Int)? {
        guard let values = numbers(after: key, in: text, count: 2) else { return nil }
        return (values[0], values[1])
    }

    /// The `count` whitespace-separated integers right after `key`.
    private static func numbers(after key: String, in text: String, count: Int) -> [Int]? {
        guard let range = text.range(of: key) else { return nil }
        let words = text[range.upperBound...].split(whereSeparator: { $0.isWhitespace }).prefix(count)
        let values = words.compactMap { Int($0) }
        return values.count == count ? values : nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}

extension Array where Element == UInt8 {
    /// The last occurrence of `pattern`.
    func lastRange(of pattern: [UInt8]) -> Range<Int>? {
        guard !pattern.isEmpty, pattern.count <= count else { return nil }
        var index = count - pattern.count
        while index >= 0 {
            if self[index] == pattern[0], self[index..<index + pattern.count].elementsEqual(pattern) { return index..<index + pattern.count }
            index -= 1
        }
        return nil
    }
}
