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

    /// Non-fatal problems: all of them with `--verbose`, else the first and a count.
    func diagnostics(_ log: DiagnosticLog) {
        let items = log.diagnostics
        guard !items.isEmpty, !quiet else { return }
        let shown = verbose ? items : [items[0]]
        for item in shown { emit("warning", item.location == nil ? "hamkor: \(item)" : item.description, raw: true) }
        if items.count > shown.count {
            emit("note", "hamkor: note: \(items.count - shown.count) more warning(s); use --verbose to see all", raw: true)
        }
    }

    func output(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    private func emit(_ level: String, _ message: String, force: Bool = false, raw: Bool = false) {
        let line: String
        let message = TerminalText.escaped(message)
        switch format {
        case .text where raw:
            line = message
        case .text:
            // Located messages already read `FILE:LINE:COL: error: ...`; others get a prefix.
            // Messages that already say `error:` (a batch's shard error) are not prefixed twice.
            if message.contains(": error: ") || message.contains(": warning: ") || level == "info" {
                line = message
            } else {
                line = message.hasPrefix("\(level): ") ? "hamkor: \(message)" : "hamkor: \(level): \(message)"
            }
        case .json:
            let object = ["level": level, "message": message]
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            line = String(decoding: data, as: UTF8.self)
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
