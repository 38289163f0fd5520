import Foundation

/// Adds the document's language (`/Lang`) to a finished PDF's catalog.
///
/// Cairo 1.16 (Debian bookworm) has no call for it (1.18 writes `/Lang` only from tagged
/// structure), so the entry is inserted after `/Type /Catalog` and the cross-reference table
/// is corrected for the inserted bytes: every offset after the insertion point and
/// `startxref` move by the same amount. The result is as deterministic as the input.
enum LanguageEntry {
    static func insert(language tag: String, into pdf: [UInt8]) throws -> [UInt8] {
        let marker = Array("/Type /Catalog".utf8)
        guard let catalog = pdf.firstRange(of: marker) else { throw PDFError.unexpectedStructure("no /Type /Catalog") }
        let safeTag = String(tag.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0 == "-" || ("0"..."9").contains($0)) })
        let insertion = Array(" /Lang (\(safeTag))".utf8)
        let point = catalog.upperBound
        var result = Array(pdf[..<point]) + insertion + Array(pdf[point...])
        let shift = insertion.count

        let keyword = Array("startxref".utf8)
        guard let keywordStart = stride(from: result.count - keyword.count, through: 0, by: -1)
            .first(where: { result[$0..<$0 + keyword.count].elementsEqual(keyword) }) else {
            throw PDFError.unexpectedStructure("no startxref")
        }
        var numberStart = keywordStart + keyword.count
        while numberStart < result.count, !isDigit(result[numberStart]) { numberStart += 1 }
        var numberEnd = numberStart
        while numberEnd < result.count, isDigit(result[numberEnd]) { numberEnd += 1 }
        guard let xrefOffset = Int(String(decoding: result[numberStart..<numberEnd], as: UTF8.self)) else {
            throw PDFError.unexpectedStructure("unreadable startxref")
        }
        let movedXref = xrefOffset >= point ? xrefOffset + shift : xrefOffset
        result.replaceSubrange(numberStart..<numberEnd, with: Array(String(movedXref).utf8))

        // The table: "xref\n0 N\n" then N entries of 20 bytes, "OOOOOOOOOO GGGGG n\n".
        var index = movedXref
        guard result[index..<min(index + 4, result.count)].elementsEqual("xref".utf8) else {
            throw PDFError.unexpectedStructure("startxref does not point at an xref table")
        }
        index += 4
        while index < result.count, result[index] == 0x0A || result[index] == 0x0D || result[index] == 0x20 { index += 1 }
        while index < result.count, isDigit(result[index]) {
            // A subsection header "FIRST COUNT".
            var lineEnd = index
            while lineEnd < result.count, result[lineEnd] != 0x0A { lineEnd += 1 }
            let header = String(decoding: result[index..<lineEnd], as: UTF8.self).split(separator: " ")
            guard header.count == 2, let count = Int(header[1].trimmingCharacters(in: .whitespaces)) else {
                throw PDFError.unexpectedStructure("unreadable xref subsection")
            }
            index = lineEnd + 1
            for _ in 0..<count {
                guard index + 20 <= result.count else { throw PDFError.unexpectedStructure("short xref table") }
                if result[index + 17] == UInt8(ascii: "n"),
                   let offset = Int(String(decoding: result[index..<index + 10], as: UTF8.self)), offset >= point {
                    let moved = Array(String(format: "%010d", offset + shift).utf8)
                    result.replaceSubrange(index..<index + 10, with: moved)
                }
                index += 20
            }
        }
        return result
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}
