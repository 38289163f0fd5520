import Foundation
import HamkorCore
@testable import HamkorBatch

/// Fixtures live beside the tests.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }
}

let knownReports = ["portfolio", "agreements", "twin-cities", "briefing"]
let knownFormats = ["csv", "txt", "xlsx"]

/// A fresh temporary folder, removed by the caller with `cleanUp`.
func temporaryFolder() -> URL {
    let url = URL(fileURLWithPath: NSTemporaryDirectory())
        .appendingPathComponent("hamkor-batch-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func cleanUp(_ url: URL) { try? FileManager.default.removeItem(at: url) }

func parseJobs(_ text: String, file: String = "jobs.yaml", knownFormats: [String] = knownFormats) throws(DataError) -> JobFile {
    try JobFile.parse(text, file: file, baseFolder: URL(fileURLWithPath: "/base"),
                      knownReports: knownReports, knownFormats: knownFormats)
}

/// The problems a job-file text produces (empty if it loads).
func problems(_ text: String) -> [String] {
    do {
        _ = try parseJobs(text)
        return []
    } catch {
        if case .invalid(let found) = error { return found.map(\.description) }
        return ["\(error)"]
    }
}

/// `2026-03-29 02:30` in `zone`, via Foundation's calendar (independent of the code under test).
func date(_ text: String, _ zone: String) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: zone)!
    formatter.dateFormat = text.count > 16 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm"
    return formatter.date(from: text)!
}

func iso(_ date: Date?, _ zone: String) -> String? {
    date.map { Timestamp.iso8601($0, in: TimeZone(identifier: zone)!) }
}
