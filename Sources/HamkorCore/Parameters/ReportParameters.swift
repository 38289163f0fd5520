/// The resolved parameters of one report build, in the order the definition declares them:
/// a simple ordered name → value map (what manifests record and digests read).
public struct ReportParameters: Sendable, Hashable {
    public private(set) var entries: [(name: String, value: ParameterValue)]

    public init(_ entries: [(name: String, value: ParameterValue)] = []) { self.entries = entries }

    public subscript(name: String) -> ParameterValue? { entries.first { $0.name == name }?.value }

    /// The partner parameter's country code, when the report has one.
    public var partner: String? {
        for entry in entries { if case .partner(let code) = entry.value { return code } }
        return nil
    }

    /// The period parameter, when the report has one and it is not `all`.
    public var period: ReportPeriod? {
        for entry in entries { if case .period(let period) = entry.value { return period } }
        return nil
    }

    /// `name → written value`, in order.
    public var written: [(name: String, value: String)] { entries.map { ($0.name, $0.value.written) } }

    public static func == (lhs: ReportParameters, rhs: ReportParameters) -> Bool {
        lhs.entries.map(\.name) == rhs.entries.map(\.name) && lhs.entries.map(\.value) == rhs.entries.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        for entry in entries { hasher.combine(entry.name); hasher.combine(entry.value) }
    }
}
