/// Neutralises spreadsheet formula injection ("CSV injection", OWASP) in text written to cells.
///
/// A spreadsheet treats a cell that begins with `=`, `+`, `-` or `@` as a formula, and a leading
/// tab (U+0009) or carriage return (U+000D) can hide such a start. Text that begins with any of
/// these is prefixed with a single quote (`'`), which Excel and LibreOffice read as "this is
/// text" and do not display. Only *text* is neutralised — a number from a numeric cell (`-5`)
/// stays a number, because exporters write numbers from typed values, never from text.
///
/// The rule is shared by every exporter that writes cells (CSV, and XLSX for text written as strings).
public enum FormulaNeutralizer {
    /// The prefix put before text that would otherwise start a formula.
    public static let prefix: Character = "'"

    /// The first characters that make a spreadsheet evaluate a cell: `=`, `+`, `-`, `@`, tab, CR.
    public static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// Whether `text` begins with a formula trigger.
    public static func needsNeutralizing(_ text: some StringProtocol) -> Bool {
        guard let first = text.utf8.first else { return false }
        return isTrigger(firstByte: first)
    }

    /// `text`, prefixed with `'` when it begins with a formula trigger; otherwise unchanged.
    public static func neutralize(_ text: String) -> String {
        needsNeutralizing(text) ? String(prefix) + text : text
    }

    /// Whether a UTF-8 lead byte is a trigger (all triggers are ASCII).
    @inline(__always)
    static func isTrigger(firstByte byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
        default: false
        }
    }
}
