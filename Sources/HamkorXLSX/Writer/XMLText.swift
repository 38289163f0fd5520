import HamkorLocalization

/// The last guard between document text and libxlsxwriter, which writes text into the
/// workbook's XML parts as given: a character XML 1.0 forbids there (most C0 controls, U+FFFE,
/// U+FFFF) makes a workbook that spreadsheets refuse to open. Loading refuses such text in data,
/// definitions, catalogs and parameters with its location; text that still reaches the writer
/// with one fails the export rather than writing a corrupt file.
enum XMLText {
    /// Throws ``XLSXError/textNotXML(what:scalar:)`` when `text` holds a character XML 1.0 forbids.
    static func check(_ text: String, _ what: @autoclosure () -> String) throws {
        if let bad = firstForbidden(in: text) { throw XLSXError.textNotXML(what: what(), scalar: bad.value) }
    }

    /// The first character XML 1.0 does not allow (`Char` excludes C0 other than tab, line
    /// feed and carriage return, and U+FFFE and U+FFFF; Swift strings hold no surrogates).
    static func firstForbidden(in text: String) -> Unicode.Scalar? {
        ControlScan.first(in: text) { scalar in
            let value = scalar.value
            return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
        }
    }
}
