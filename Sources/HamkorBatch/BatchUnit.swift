import Foundation
import HamkorLocalization

/// One output of a batch: a job's report in one language and one format.
public struct BatchUnit: Sendable, Hashable, CustomStringConvertible {
    /// The unit's position in the whole (unsharded) batch, in stable order.
    public var index: Int
    /// The job's name.
    public var job: String
    /// The report id.
    public var report: String
    /// The language.
    public var language: LanguageTag
    /// The exporter id.
    public var format: String
    /// The output path relative to the `--out` root (forward slashes).
    public var path: String
    /// The dataset paths (`nil`: the bundled sample).
    public var data: [URL]?
    /// Whether diagnostics should fail the unit.
    public var strict: Bool
    /// The report parameters, resolved (`previous-quarter` already a quarter), in job-file order:
    /// a plain ordered name → value map, as the manifest records it.
    public var parameters: [UnitParameter]

    public init(index: Int, job: String, report: String, language: LanguageTag, format: String, path: String,
                data: [URL]? = nil, strict: Bool = false, parameters: [UnitParameter] = []) {
        self.parameters = parameters
        self.index = index
        self.job = job
        self.report = report
        self.language = language
        self.format = format
        self.path = path
        self.data = data
        self.strict = strict
    }

    /// What identifies the unit in its batch and in a manifest: `job report lang format`, then
    /// its parameters as `name=value` in name order.
    public var key: String {
        Self.key(job: job, report: report, language: language.tag, format: format,
                 parameters: parameters.sorted { $0.name < $1.name }.map { "\($0.name)=\($0.value)" })
    }

    static func key(job: String, report: String, language: String, format: String, parameters: [String]) -> String {
        ([job, report, language, format] + parameters).joined(separator: " ")
    }

    /// `job report lang format`, for progress lines and messages.
    public var description: String {
        let values = parameters.map { " \($0.name)=\($0.value)" }.joined()
        return "\(job) \(report) \(language.tag) \(format)\(values)"
    }
}
