/// The `dataset:` header: title, partners, provenance and the sample flag.
public struct DatasetInfo: Hashable, Sendable {
    public var title: LocalizedText?
    /// True for the bundled sample: every report then says it is sample data.
    public var isSample: Bool
    /// The two partner countries the dataset is about.
    public var partners: [CountryCode]
    /// Provenance lines, printed on every report.
    public var sources: [LocalizedText]

    public init(title: LocalizedText? = nil, isSample: Bool = false, partners: [CountryCode] = [], sources: [LocalizedText] = []) {
        self.title = title
        self.isSample = isSample
        self.partners = partners
        self.sources = sources
    }
}
