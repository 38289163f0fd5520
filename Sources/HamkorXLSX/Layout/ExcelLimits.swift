/// Excel's hard limits, enforced before libxlsxwriter sees the data.
enum ExcelLimits {
    /// Rows in a worksheet.
    static let maximumRows = 1_048_576
    /// Characters in a cell (Excel counts UTF-16 code units).
    static let maximumCellCharacters = 32_767
    /// Characters in a header or footer string.
    static let maximumHeaderFooterCharacters = 255
    /// Characters in a sheet name.
    static let maximumSheetNameCharacters = 31

    /// `text` cut at a grapheme boundary so that it has at most `limit` UTF-16 code units;
    /// `nil` when it already fits. A first grapheme longer than the whole limit (a letter with
    /// thousands of combining marks) is cut between its scalars rather than dropped, so a cut
    /// cell is never empty.
    ///
    /// Counting UTF-16 units is what Excel does and is never more lenient than libxlsxwriter,
    /// which counts code points.
    static func truncated(_ text: String, toUTF16 limit: Int) -> String? {
        if text.utf8.count <= limit || text.utf16.count <= limit { return nil }
        var result = ""
        var used = 0
        for character in text {
            let length = character.utf16.count
            if used + length > limit {
                guard result.isEmpty else { break }
                for scalar in character.unicodeScalars {
                    let units = UTF16.width(scalar)
                    if used + units > limit { break }
                    result.unicodeScalars.append(scalar)
                    used += units
                }
                break
            }
            result.append(character)
            used += length
        }
        return result
    }
}
