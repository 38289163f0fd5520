import Foundation

/// One unit as a manifest (and a run's journal) records it.
public struct ManifestRecord: Sendable, Hashable, Codable {
    /// One file a unit wrote, relative to the manifest's folder.
    public struct File: Sendable, Hashable, Codable {
        public var path: String
        public var bytes: Int
        public var sha256: String
    }

    public var job: String
    public var report: String
    public var language: String
    public var format: String
    /// The unit's report parameters, resolved (`{"partner": "AZ", "period": "2025-Q1"}`);
    /// `nil` for a job without parameters.
    public var parameters: [String: String]?
    public var path: String
    public var bytes: Int?
    public var sha256: String?
    public var durationMs: Int
    /// `ok` or `failed`.
    public var status: String
    public var error: String?
    /// Every file, when the unit wrote more than one.
    public var files: [File]?
    /// The unit's position in the whole batch.
    public var index: Int?
    /// The digests of the unit's inputs, when they could be read.
    public var inputs: UnitInputs?
    /// Set when `--resume` kept the output of an earlier run.
    public var reused: Bool?

    /// The record of a unit's result.
    public init(_ result: UnitResult) {
        let unit = result.unit
        let first = result.files.first
        job = unit.job
        report = unit.report
        language = unit.language.tag
        format = unit.format
        parameters = unit.parameters.isEmpty ? nil : Dictionary(unit.parameters.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        path = first?.path ?? unit.path
        bytes = first?.bytes
        sha256 = first?.sha256
        durationMs = result.durationMs
        status = result.succeeded ? "ok" : "failed"
        error = result.error
        files = result.files.count > 1 ? result.files.map { File(path: $0.path, bytes: $0.bytes, sha256: $0.sha256) } : nil
        index = unit.index
        inputs = result.inputs
        reused = result.reused ? true : nil
    }

    /// What identifies the unit in its batch, whatever its path: `job report language format`,
    /// then its parameters as `name=value` in name order.
    public var key: String {
        BatchUnit.key(job: job, report: report, language: language, format: format,
                      parameters: (parameters ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
    }

    /// Every file of the unit (none when it failed).
    public var allFiles: [File] {
        if let files { return files }
        guard status == "ok", let bytes, let sha256 else { return [] }
        return [File(path: path, bytes: bytes, sha256: sha256)]
    }

    /// The record as one line of JSON, keys in the documented order.
    var json: String {
        let quote = Manifest.quote
        var fields: [String] = [
            "\"job\": \(quote(job))",
            "\"report\": \(quote(report))",
            "\"language\": \(quote(language))",
            "\"format\": \(quote(format))",
        ]
        if let parameters {
            fields.append("\"parameters\": {" + parameters.sorted { $0.key < $1.key }.map { "\(quote($0.key)): \(quote($0.value))" }
                .joined(separator: ", ") + "}")
        }
        fields += [
            "\"path\": \(quote(path))",
            "\"bytes\": \(bytes.map { String($0) } ?? "null")",
            "\"sha256\": \(sha256.map(quote) ?? "null")",
            "\"durationMs\": \(durationMs)",
            "\"status\": \(quote(status))",
            "\"error\": \(error.map(quote) ?? "null")",
        ]
        if let files {
            fields.append("\"files\": [" + files.map { "{\"path\": \(quote($0.path)), \"bytes\": \($0.bytes), \"sha256\": \(quote($0.sha256))}" }
                .joined(separator: ", ") + "]")
        }
        if let index { fields.append("\"index\": \(index)") }
        if let inputs { fields.append("\"inputs\": \(inputs.json)") }
        if reused == true { fields.append("\"reused\": true") }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}
