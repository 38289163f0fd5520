/// Turns proposed titles into worksheet names Excel accepts, each unique in the workbook.
///
/// Excel's rules: 1 to 31 characters; none of `[ ] : * ? / \`; no apostrophe at either end;
/// not `History` (reserved); unique ignoring case (in every script: `Итоги` and `итоги` clash).
/// Names are cut at grapheme boundaries, and clashes get a ` (2)`, ` (3)` … suffix that still fits.
struct SheetNamer {
    private var taken: Set<String> = ["history"]

    /// Claims a name for a sheet: the cleaned-up `proposed`, or `fallback` when nothing is left of it.
    mutating func claim(_ proposed: String, fallback: String = "Sheet") -> String {
        var base = Self.clean(proposed)
        if base.isEmpty { base = Self.clean(fallback) }
        if base.isEmpty { base = "Sheet" }
        if taken.insert(Self.key(base)).inserted { return base }
        var number = 2
        while true {
            let suffix = " (\(number))"
            let room = ExcelLimits.maximumSheetNameCharacters - suffix.utf16.count
            let stem = Self.trimEnds(ExcelLimits.truncated(base, toUTF16: room) ?? base)
            let candidate = stem + suffix
            if taken.insert(Self.key(candidate)).inserted { return candidate }
            number += 1
        }
    }

    /// A name that meets every rule except uniqueness (may be empty).
    static func clean(_ proposed: String) -> String {
        var text = String(String.UnicodeScalarView(proposed.unicodeScalars.map { scalar -> Unicode.Scalar in
            if "[]:*?/\\".unicodeScalars.contains(scalar) { return "_" }
            if scalar.properties.generalCategory == .control { return " " }
            return scalar
        }))
        text = trimEnds(text)
        if let cut = ExcelLimits.truncated(text, toUTF16: ExcelLimits.maximumSheetNameCharacters) {
            text = trimEnds(cut)
        }
        return text
    }

    /// Drops white space and apostrophes from both ends.
    private static func trimEnds(_ text: String) -> String {
        var scalars = Substring(text)
        while let first = scalars.first, first.isWhitespace || first == "'" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace || last == "'" { scalars = scalars.dropLast() }
        return String(scalars)
    }

    private static func key(_ name: String) -> String { name.lowercased() }
}
