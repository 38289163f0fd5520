import Foundation

/// Writes `manifest.json` in the documented shape, by hand so that key order is fixed:
///
/// ```json
/// {"started": "…", "finished": "…", "shard": "1/1",
///  "units": [{"job": …, "report": …, "language": …, "format": …, "path": …, "bytes": …,
///             "sha256": …, "durationMs": …, "status": "ok", "error": null}]}
/// ```
/// A unit of a job with parameters has `"parameters": {"partner": "AZ", "period": "2025-Q2"}`
/// (resolved values, in job-file order) after `format`. A unit that wrote several files also has `"files": [{"path", "bytes", "sha256"}]` (after
/// `error`), and its `path` is the first of them; a failed unit has `bytes` and `sha256` null.
enum Manifest {
    static let fileName = "manifest.json"

    static func render(started: String, finished: String, shard: Shard, results: [UnitResult]) -> String {
        var out = "{\"started\": \(quote(started)), \"finished\": \(quote(finished)), \"shard\": \(quote(shard.description)),\n \"units\": ["
        for (position, result) in results.enumerated() {
            out += position == 0 ? "\n  " : ",\n  "
            out += unit(result)
        }
        out += results.isEmpty ? "]}\n" : "\n ]}\n"
        return out
    }

    private static func unit(_ result: UnitResult) -> String {
        let unit = result.unit
        let first = result.files.first
        var fields: [String] = [
            "\"job\": \(quote(unit.job))",
            "\"report\": \(quote(unit.report))",
            "\"language\": \(quote(unit.language.tag))",
            "\"format\": \(quote(unit.format))",
        ]
        if !unit.parameters.isEmpty {
            fields.append("\"parameters\": {" + unit.parameters.map { "\(quote($0.name)): \(quote($0.value))" }.joined(separator: ", ") + "}")
        }
        fields += [
            "\"path\": \(quote(first?.path ?? unit.path))",
            "\"bytes\": \(first.map { String($0.bytes) } ?? "null")",
            "\"sha256\": \(first.map { quote($0.sha256) } ?? "null")",
            "\"durationMs\": \(result.durationMs)",
            "\"status\": \(quote(result.succeeded ? "ok" : "failed"))",
            "\"error\": \(result.error.map(quote) ?? "null")",
        ]
        if result.files.count > 1 {
            let files = result.files.map { "{\"path\": \(quote($0.path)), \"bytes\": \($0.bytes), \"sha256\": \(quote($0.sha256))}" }
            fields.append("\"files\": [\(files.joined(separator: ", "))]")
        }
        return "{" + fields.joined(separator: ", ") + "}"
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
