import HamkorLocalization

/// Excel's date serials: days since 1899-12-30 (the 1900 system, whose day 60 is the
/// 29 February 1900 that never was) or since 1904-01-01 (the 1904 system of old Mac workbooks).
public enum ExcelDate {
    /// The civil date of a serial's whole days, or `nil` outside 1900–9999.
    public static func civil(serial: Double, uses1904: Bool) -> (year: Int, month: Int, day: Int)? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        if uses1904 {
            days += 1462
        } else if days < 60 {
            days += 1  // before the phantom 29 February 1900
        } else if days == 60 {
            return nil
        }
        return CivilDate.civil(daysSince1970: days - 25_569)  // 1899-12-30 is 25,569 days before 1970-01-01
    }
}
