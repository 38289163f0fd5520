/// Normalizes header and value texts for matching: case folded, `ё` as `е`, every apostrophe
/// form (`ʻ ʼ ‘ ’ ' \``) as `'`, line breaks and runs of spaces as one space, trimmed.
enum HeaderText {
    static func normalize(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{00A0}", "\u{202F}", "\u{2009}", "\u{2007}":
                pendingSpace = !result.isEmpty
                continue
            case "ʻ", "ʼ", "‘", "’", "`", "´", "'":
                if pendingSpace { result.append(" "); pendingSpace = false }
                result.append("'")
                continue
            case "ё":
                if pendingSpace { result.append(" "); pendingSpace = false }
                result.append("е")
                continue
            default:
                if pendingSpace { result.append(" "); pendingSpace = false }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
