import Foundation
import HamkorCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The journal of a run in progress (``Shard/journalName``): one manifest record per line,
/// appended as each unit finishes, so that a run killed before its manifest can be resumed
/// without redoing the units it finished. Removed once the manifest is written.
///
/// Each line goes out in one `write(2)` on a file opened for appending, so a killed process
/// leaves at most a torn last line, which ``records(at:)`` skips.
final class RunJournal: Sendable {
    let url: URL
    private let descriptor: Int32

    /// Opens the journal for appending; `fresh` empties it first (a run without `--resume`).
    /// `nil` when it cannot be opened: the run goes on, only less resumable.
    init?(url: URL, fresh: Bool) {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (fresh ? O_TRUNC : 0), 0o644)
        guard descriptor >= 0 else { return nil }
        self.url = url
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Appends one record as a line.
    func append(_ record: ManifestRecord) {
        let line = record.json + "\n"
        _ = line.withCString { write(descriptor, $0, strlen($0)) }
    }

    /// Removes the journal (after the manifest was written).
    func remove() { unlink(url.path) }

    /// The records of a journal file, in order; unreadable or torn lines are skipped.
    static func records(at url: URL) -> [ManifestRecord] {
        // Only a regular file is read (a FIFO in its place would block), and at most 256 MiB.
        guard let data = try? SourceText.readData(url, limit: Manifest.maxFileBytes) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(ManifestRecord.self, from: Data($0)) }
    }
}
