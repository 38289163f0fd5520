import Foundation
import HamkorCore

/// Writes messages to stderr (errors, warnings, progress) and results to stdout.
struct Console {
    var quiet = false
    var verbose = false
    var format: LogFormat = .text

    func error(_ message: String) { emit("error", message, force: true) }
    func warning(_ message: String) { if !quiet { emit("warning", message) } }
    func info(_ message: String) { if !quiet { emit("info", message) } }
    func debug(_ message: String) { if verbose { emit("debug", message) } }

    func diagnostics(_ log: DiagnosticLog) {
        let items = log.diagnostics
        guard !items.isEmpty else { return }
        if verbose { items.forEach { warning($0.description) } }
        else if !quiet { warning("\(items.count) diagnostic(s), such as: \(items[0]); use --verbose to see all") }
    }

    func output(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    private func emit(_ level: String, _ message: String, force: Bool = false) {
        let line: String
        switch format {
        case .text:
            // Located messages already read `FILE:LINE:COL: error: ...`; others get a prefix.
            line = message.contains(": error: ") || message.contains(": warning: ") || level == "info" ? message : "hamkor: \(level): \(message)"
        case .json:
            let object = ["level": level, "message": message]
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            line = String(decoding: data, as: UTF8.self)
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
