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
        // Days since 1899-12-30 to a proleptic Gregorian date (Howard Hinnant's civil_from_days).
        let z = days - 25_569 + 719_468  // 1899-12-30 is 25,569 days before 1970-01-01
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
