import Foundation
import ZIPFoundation

/// An exported workbook opened for reading its XML parts.
struct WorkbookArchive {
    let archive: Archive

    init(_ url: URL) throws {
        archive = try Archive(url: url, accessMode: .read)
    }

    /// Whether a part exists.
    func has(_ path: String) -> Bool { archive[path] != nil }

    /// A part's text.
    func text(_ path: String) throws -> String {
        guard let entry = archive[path] else { throw ArchiveProblem.missing(path) }
        var data = Data()
        _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// The `<c …>…</c>` element of a cell of a sheet part, or `nil`.
    func cell(_ reference: String, sheet: Int) throws -> String? {
        let xml = try text("xl/worksheets/sheet\(sheet).xml")
        return Self.firstMatch(#"<c r="\#(reference)"[^>]*?(?:/>|>.*?</c>)"#, in: xml)
    }

    /// The shared strings, in index order, unescaped.
    func sharedStrings() throws -> [String] {
        guard has("xl/sharedStrings.xml") else { return [] }
        let xml = try text("xl/sharedStrings.xml")
        return Self.allMatches(#"<si>(.*?)</si>"#, in: xml).map { item in
            Self.allMatches(#"<t[^>]*>(.*?)</t>"#, in: item).joined().xmlUnescaped
        }
    }

    /// The text of a string cell (shared or inline).
    func string(_ reference: String, sheet: Int) throws -> String? {
        guard let cell = try cell(reference, sheet: sheet) else { return nil }
        if cell.contains(#"t="s""#), let index = Self.firstMatch(#"<v>(\d+)</v>"#, in: cell).flatMap(Int.init) {
            return try sharedStrings()[index]
        }
        if cell.contains(#"t="inlineStr""#) { return Self.firstMatch(#"<t[^>]*>(.*?)</t>"#, in: cell)?.xmlUnescaped }
        return nil
    }

    /// The number format code of a cell's style, from `styles.xml`.
    func numberFormat(_ reference: String, sheet: Int) throws -> String? {
        guard let cell = try cell(reference, sheet: sheet),
              let styleIndex = Self.firstMatch(#" s="(\d+)""#, in: cell).flatMap(Int.init) else { return nil }
        let styles = try text("xl/styles.xml")
        guard let xfs = Self.firstMatch(#"<cellXfs[^>]*>(.*?)</cellXfs>"#, in: styles) else { return nil }
        let entries = Self.allMatches(#"(<xf [^>]*)"#, in: xfs)
        guard entries.indices.contains(styleIndex),
              let id = Self.firstMatch(#"numFmtId="(\d+)""#, in: entries[styleIndex]) else { return nil }
        return Self.firstMatch(#"<numFmt numFmtId="\#(id)" formatCode="([^"]*)""#, in: styles)?.xmlUnescaped
            ?? "builtin:\(id)"
    }

    /// The first capture group (or whole match) of a pattern.
    static func firstMatch(_ pattern: String, in text: String) -> String? {
        allMatches(pattern, in: text).first
    }

    static func allMatches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            let group = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
            return Range(group, in: text).map { String(text[$0]) }
        }
    }

    enum ArchiveProblem: Error { case missing(String) }
}

extension String {
    var xmlUnescaped: String {
        replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
