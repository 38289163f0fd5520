import Foundation

/// Where an export goes: a file path, or standard output.
public enum ExportTarget: Sendable, Equatable {
    /// A file; formats that produce several files derive siblings with ``sibling(_:extension:)``.
    case file(URL)
    /// Standard output (text formats only).
    case standardOutput

    /// `BASE.PART.EXT` beside a file target: `portfolio.en.csv` → `portfolio.en.by-sector.csv`.
    /// The part is made safe as a file-name piece (``fileNamePart(_:)``).
    public static func sibling(of url: URL, part: String, extension ext: String) -> URL {
        var stem = url.deletingPathExtension().lastPathComponent
        if stem.isEmpty { stem = "report" }
        return url.deletingLastPathComponent().appendingPathComponent("\(stem).\(fileNamePart(part)).\(ext)")
    }

    /// A part name made safe as part of a file name (ids are slugs; anything else becomes `-`).
    public static func fileNamePart(_ id: String) -> String {
        let safe = String(id.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
                ? Character(scalar) : "-"
        })
        return safe.isEmpty ? "table" : safe
    }
}

/// A file an exporter wrote, with its size.
public struct ExportedFile: Sendable, Equatable {
    public var url: URL
    public var bytes: Int

    public init(url: URL, bytes: Int) {
        self.url = url
        self.bytes = bytes
    }
}
