import Foundation
import HamkorCore

/// A manifest (`manifest.json`, or `manifest.shard-I-of-N.json` for one shard): the run's
/// header and one record per unit, written by hand so that key order is fixed:
///
/// ```json
/// {"started": "…", "finished": "…", "shard": "1/1", "totalUnits": 60, "hamkor": "0.1.0",
///  "jobFile": "Reports/jobs.yaml", "jobFileSha256": "…",
///  "units": [{"job": …, "report": …, "language": …, "format": …, "path": …, "bytes": …,
///             "sha256": …, "durationMs": …, "status": "ok", "error": null, "index": 0,
///             "inputs": {…}}]}
/// ```
/// A unit that wrote several files also has `"files": [{"path", "bytes", "sha256"}]` (after
/// `error`), and its `path` is the first of them; a failed unit has `bytes` and `sha256` null.
/// A unit reused by `--resume` has `"reused": true` and the duration of the run that wrote it.
/// A merged manifest lists the shard manifests it came from in `mergedFrom`.
public struct Manifest: Sendable, Codable {
    /// The whole batch's manifest file name.
    public static let fileName = "manifest.json"
    /// The start of every manifest name Hamkor writes (``OutputClaims`` keeps `manifest*.json` for it).
    public static let fileStem = "manifest"

    public var started: String
    public var finished: String
    /// `I/N`; `1/1` for the whole batch (also after a merge).
    public var shard: String
    /// The number of units of the whole batch (every shard), when known.
    public var totalUnits: Int?
    /// The version of Hamkor that wrote it.
    public var hamkor: String?
    /// The job file as given, and the SHA-256 of its text.
    public var jobFile: String?
    public var jobFileSha256: String?
    /// The shard manifests a merged manifest was made from.
    public var mergedFrom: [String]?
    public var units: [ManifestRecord]

    public init(started: String, finished: String, shard: String, totalUnits: Int? = nil, hamkor: String? = nil,
                jobFile: String? = nil, jobFileSha256: String? = nil, mergedFrom: [String]? = nil, units: [ManifestRecord]) {
        self.started = started
        self.finished = finished
        self.shard = shard
        self.totalUnits = totalUnits
        self.hamkor = hamkor
        self.jobFile = jobFile
        self.jobFileSha256 = jobFileSha256
        self.mergedFrom = mergedFrom
        self.units = units
    }

    /// The manifest as JSON text, one unit per line.
    public func render() -> String {
        var header = ["\"started\": \(Self.quote(started))", "\"finished\": \(Self.quote(finished))", "\"shard\": \(Self.quote(shard))"]
        if let totalUnits { header.append("\"totalUnits\": \(totalUnits)") }
        if let hamkor { header.append("\"hamkor\": \(Self.quote(hamkor))") }
        if let jobFile { header.append("\"jobFile\": \(Self.quote(jobFile))") }
        if let jobFileSha256 { header.append("\"jobFileSha256\": \(Self.quote(jobFileSha256))") }
        if let mergedFrom { header.append("\"mergedFrom\": [\(mergedFrom.map(Self.quote).joined(separator: ", "))]") }
        var out = "{" + header.joined(separator: ", ") + ",\n \"units\": ["
        for (position, record) in units.enumerated() {
            out += position == 0 ? "\n  " : ",\n  "
            out += record.json
        }
        out += units.isEmpty ? "]}\n" : "\n ]}\n"
        return out
    }

    /// The largest manifest read (bytes): 256 MiB, some 400,000 units.
    public static let maxFileBytes = 256 * 1_048_576

    /// Reads a manifest file: a regular file of at most ``maxFileBytes`` (a FIFO never hangs it).
    ///
    /// - Throws: ``ManifestError`` when it is missing, unreadable or not a manifest.
    public static func read(_ url: URL) throws(ManifestError) -> Manifest {
        let data: Data
        do {
            data = try SourceText.readData(url, limit: maxFileBytes)
        } catch DataError.notFound {
            throw .missing(path: url.path)
        } catch DataError.unreadable(_, let reason) {
            throw .unreadable(path: url.path, reason: reason)
        } catch {
            throw .unreadable(path: url.path, reason: "larger than \(maxFileBytes / 1_048_576) MiB, the limit for a manifest")
        }
        do {
            return try JSONDecoder().decode(Manifest.self, from: data)
        } catch {
            throw .malformed(path: url.path, reason: Self.describe(error))
        }
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "missing '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "'\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            "not JSON: \(context.underlyingError.map { ($0 as NSError).localizedDescription } ?? context.debugDescription)"
        default:
            "\(error)"
        }
    }

    /// A JSON string literal.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
