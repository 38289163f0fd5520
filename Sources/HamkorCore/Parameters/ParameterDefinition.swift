/// A parameter a report definition declares: its name, type and default.
///
/// ```yaml
/// parameters:
///   partner: {type: partner}                  # default: the dataset's partner country
///   period: {type: period, default: 2024}     # default `all`: no restriction by date
///   region: {type: code, default: UZ-TK}
/// ```
public struct ParameterDefinition: Sendable, Equatable {
    /// What values a parameter takes.
    public enum Kind: String, Sendable, CaseIterable {
        /// An ISO 3166-1 alpha-2 country the dataset holds records for.
        case partner
        /// A ``ReportPeriod`` (or, in job files, a ``RelativePeriod``), or `all`.
        case period
        /// Free text for the definition's own use.
        case text
        /// An identifier-shaped code (letters, digits, `-`, `_`, `.`).
        case code
    }

    public var name: String
    public var kind: Kind
    /// The written default; `nil` for a partner means the dataset's partner, for a period `all`.
    public var defaultValue: String?

    public init(name: String, kind: Kind, defaultValue: String? = nil) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
    }
}
