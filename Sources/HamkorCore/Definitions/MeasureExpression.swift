/// A computed value over a group of records: `count`, `sum(value)`, `share(value)`,
/// `share(count)`, `min(field)`, `max(field)`, `distinct(field)`, and over time `change(field)`
/// (the absolute change on the comparison period) and `growth(field)` (per cent change on it):
/// in a table grouped by year, the previous year; grouped by half, quarter or month, the same
/// unit a year earlier; in a key figure or paragraph, the same period a year earlier. `cagr(field)`
/// is the compound annual growth rate over a range of whole years (`2021..2025`): the first
/// year's figure to the last one's, `(last / first)^(1 / years) − 1`.
public enum MeasureExpression: Sendable, Hashable, CustomStringConvertible {
    case count
    case sum(String)
    /// The group's part of the column total; `nil` field means share of the count.
    case share(String?)
    case min(String)
    case max(String)
    case distinct(String)
    case change(String)
    case growth(String)
    case cagr(String)

    /// Parses the written form; `nil` when it is not a measure.
    public init?(parsing text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text == "count" { self = .count; return }
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else { return nil }
        let name = String(text[..<open])
        let argument = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingCharacters(in: .whitespaces)
        guard !argument.isEmpty else { return nil }
        switch name {
        case "sum": self = .sum(argument)
        case "share": self = .share(argument == "count" ? nil : argument)
        case "min": self = .min(argument)
        case "max": self = .max(argument)
        case "distinct": self = .distinct(argument)
        case "change": self = .change(argument)
        case "growth": self = .growth(argument)
        case "cagr": self = .cagr(argument)
        default: return nil
        }
    }

    /// Whether the measure compares with an earlier period.
    public var isComparison: Bool {
        switch self {
        case .change, .growth: true
        default: false
        }
    }

    /// The field the measure reads, if any.
    public var field: String? {
        switch self {
        case .count: nil
        case .sum(let f), .min(let f), .max(let f), .distinct(let f), .change(let f), .growth(let f), .cagr(let f): f
        case .share(let f): f
        }
    }

    public var description: String {
        switch self {
        case .count: "count"
        case .sum(let f): "sum(\(f))"
        case .share(let f): "share(\(f ?? "count"))"
        case .min(let f): "min(\(f))"
        case .max(let f): "max(\(f))"
        case .distinct(let f): "distinct(\(f))"
        case .change(let f): "change(\(f))"
        case .growth(let f): "growth(\(f))"
        case .cagr(let f): "cagr(\(f))"
        }
    }
}
