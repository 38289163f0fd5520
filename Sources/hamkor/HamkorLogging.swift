import Foundation
import Logging

/// swift-log handlers for the command line: plain lines or JSON objects on stderr.
enum HamkorLogging {
    static func logger(format: LogFormat, label: String) -> Logger {
        Logger(label: label) { label in
            switch format {
            case .text: StreamLogHandler.standardError(label: label)
            case .json: JSONLogHandler(label: label)
            }
        }
    }
}

/// One JSON object per line: `{"label":…,"level":…,"message":…,"time":…}` plus metadata.
struct JSONLogHandler: LogHandler {
    let label: String
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var object: [String: String] = ["label": label, "level": event.level.rawValue, "message": event.message.description,
                                        "time": ISO8601DateFormatter().string(from: Date())]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { _, new in new }) { object[key] = value.description }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        FileHandle.standardError.write(data + Data("\n".utf8))
    }
}
