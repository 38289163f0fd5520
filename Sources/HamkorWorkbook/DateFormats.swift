/// Which number formats show a date, so that a cell's serial number is read as one.
enum DateFormats {
    /// Excel's built-in date and date-time formats (ids 14–22, 27–36 and 45–47 in East Asian
    /// builds, 50–58 likewise).
    static let builtIn: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Whether a custom format code shows a date: it has `d`, `m` or `y` outside quotes,
    /// brackets and escapes, and is not a pure time or elapsed-time format.
    static func isDate(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[": if !inQuote { inBracket = true }
            case "]": inBracket = false
            case "d", "y": if !inQuote && !inBracket { return true }
            case "m": if !inQuote && !inBracket && !code.lowercased().contains("h") && !code.lowercased().contains("s") { return true }
            default: break
            }
        }
        return false
    }
}
