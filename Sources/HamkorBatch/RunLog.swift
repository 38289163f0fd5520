import Foundation
import HamkorCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The scheduler's run log, `hamkor-runs.jsonl` at the root of `--out`: one JSON object per
/// line for every run, skipped fire time and missed fire time, which `hamkor schedule
/// --status` reads and the scheduler itself reads at start to notice what it missed.
///
/// Lines are appended in one `write(2)` each, under an exclusive `flock` on the file, so
/// several schedulers sharing a folder never interleave them.
public struct RunLog: Sendable {
    /// The file name at the root of `--out`.
    public static let fileName = "hamkor-runs.jsonl"

    /// One line of the log.
    public struct Entry: Sendable, Hashable, Codable {
        /// `run`, `skipped` (a run of the job was still going) or `missed` (the scheduler was
        /// not running at the fire time).
        public var event: String
        public var job: String
        /// The fire time the entry is about (for `missed`: the latest one missed).
        public var firedAt: String
        /// For `run`: when it started and finished, and how long it took.
        public var started: String?
        public var finished: String?
        public var durationMs: Int?
        /// The run's resolved parameters (empty when the job has none).
        public var parameters: [String: String]?
        /// For `run`: `ok` (every unit written), `failed` (some units failed) or `error` (the
        /// run could not start: invalid data, a locked folder, …).
        public var status: String?
        public var unitsOk: Int?
        public var unitsFailed: Int?
        /// The manifest written, relative to the log's folder.
        public var manifest: String?
        /// Why the run failed or was skipped.
        public var error: String?
        /// Whether the run was a catch-up of a missed fire time.
        public var catchUp: Bool?
        /// For `missed`: how many fire times were missed, since which recorded one.
        public var missedCount: Int?
        public var since: String?
        /// The notification command run after the run, and how it ended.
        public var hook: HookRunner.Outcome?

        public init(event: String, job: String, firedAt: String) {
            self.event = event
            self.job = job
            self.firedAt = firedAt
        }
    }

    public let url: URL

    /// The log in the folder `root`.
    public init(root: URL) { url = root.appendingPathComponent(Self.fileName) }

    /// Appends an entry; a log that cannot be written is reported, never fatal to a run.
    @discardableResult
    public func append(_ entry: Entry) -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(entry) else { return false }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        flock(descriptor, LOCK_EX)
        defer { flock(descriptor, LOCK_UN) }
        let line = data + Data("\n".utf8)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        return written == line.count
    }

    /// Every readable entry, in order (a torn or foreign line is skipped).
    public func entries() -> [Entry] {
        // Only a regular file is read (a FIFO in its place would block), and at most 256 MiB.
        guard let data = try? SourceText.readData(url, limit: Manifest.maxFileBytes) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(Entry.self, from: Data($0)) }
    }

    /// The latest fire time the log accounts for, per job (run, skipped or missed).
    public func lastFireTimes() -> [String: Date] {
        var latest: [String: Date] = [:]
        for entry in entries() {
            guard let date = Timestamp.parse(entry.firedAt) else { continue }
            if latest[entry.job].map({ date > $0 }) ?? true { latest[entry.job] = date }
        }
        return latest
    }
}
