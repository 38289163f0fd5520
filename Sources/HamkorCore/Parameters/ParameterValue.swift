/// The resolved value of one report parameter.
public enum ParameterValue: Sendable, Hashable {
    /// A country code; empty when the data names no partner (then no record is filtered by it).
    case partner(String)
    /// A period; `nil` means all dates.
    case period(ReportPeriod?)
    case text(String)
    case code(String)

    /// The value as written in files, file names and manifests (`AZ`, `2025-Q2`, `all`).
    public var written: String {
        switch self {
        case .partner(let code), .text(let code), .code(let code): code
        case .period(let period): period?.code ?? "all"
        }
    }
}
