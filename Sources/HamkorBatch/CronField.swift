import HamkorCore
/// One of the five fields of a cron expression, with its range and names.
struct CronField: Sendable {
    let name: String
    let range: ClosedRange<Int>
    let names: [String: Int]
    /// The accepted spelling, for messages.
    let hint: String

    static let minute = CronField(name: "minute", range: 0...59, names: [:], hint: "0-59")
    static let hour = CronField(name: "hour", range: 0...23, names: [:], hint: "0-23")
    static let dayOfMonth = CronField(name: "day-of-month", range: 1...31, names: [:], hint: "1-31")
    static let month = CronField(
        name: "month", range: 1...12,
        names: ["JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6,
                "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12],
        hint: "1-12 or JAN-DEC")
    static let dayOfWeek = CronField(
        name: "day-of-week", range: 0...7,
        names: ["SUN": 0, "MON": 1, "TUE": 2, "WED": 3, "THU": 4, "FRI": 5, "SAT": 6],
        hint: "0-7 (0 and 7 are Sunday) or SUN-SAT")

    static let all = [minute, hour, dayOfMonth, month, dayOfWeek]

    /// Parses one field's text (starting at `start` within `expression`) into the set of values
    /// it allows, and whether it was unrestricted (began with `*`).
    func parse(_ text: Substring, start: Int, expression: String) throws(CronError) -> (values: Set<Int>, star: Bool) {
        var values = Set<Int>()
        var offset = start
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            try parseItem(item, start: offset, expression: expression, into: &values)
            offset += item.count + 1
        }
        if name == "day-of-week", values.remove(7) != nil { values.insert(0) }
        return (values, text.hasPrefix("*"))
    }

    private func parseItem(_ item: Substring, start: Int, expression: String, into values: inout Set<Int>) throws(CronError) {
        func fail(_ offset: Int, _ message: String) -> CronError {
            CronError(expression: expression, offset: offset, field: name, message: message)
        }
        if item.isEmpty { throw fail(start, "empty list item; remove the extra ','") }
        let parts = item.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let base = parts[0]
        var step = 1
        if parts.count == 2 {
            let stepOffset = start + base.count + 1
            guard let value = Int(parts[1]), value > 0 else {
                throw fail(stepOffset, "step '/\(parts[1])' must be a whole number of at least 1")
            }
            guard value <= range.upperBound + 1 else {
                throw fail(stepOffset, "step /\(value) is larger than the \(name) range \(hint)")
            }
            step = value
        }
        var low: Int, high: Int
        if base == "*" {
            low = range.lowerBound
            high = name == "day-of-week" ? 6 : range.upperBound
        } else if base.isEmpty {
            throw fail(start, "expected a value (\(hint)) or '*'")
        } else {
            let bounds = base.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            low = try value(bounds[0], at: start, expression: expression)
            if bounds.count == 2 {
                high = try value(bounds[1], at: start + bounds[0].count + 1, expression: expression)
                guard low <= high else {
                    throw fail(start, "range \(base) runs backwards; write it from low to high (ranges do not wrap)")
                }
            } else {
                high = parts.count == 2 ? (name == "day-of-week" ? 6 : range.upperBound) : low
            }
        }
        for value in stride(from: low, through: high, by: step) { values.insert(value) }
    }

    private func value(_ text: Substring, at offset: Int, expression: String) throws(CronError) -> Int {
        func fail(_ message: String) -> CronError {
            CronError(expression: expression, offset: offset, field: name, message: message)
        }
        if let number = Int(text), text.allSatisfy(\.isNumber) {
            guard range.contains(number) else { throw fail("\(number) is out of range; use \(hint)") }
            return number
        }
        if let named = names[text.uppercased()] { return named }
        if text.isEmpty { throw fail("expected a value (\(hint))") }
        let hintName = Suggestion.closest(to: text.uppercased(), in: names.keys.sorted()).map { "; did you mean '\($0)'?" } ?? ""
        throw fail("'\(text)' is not a valid \(name)\(hintName) (use \(hint))")
    }
}
