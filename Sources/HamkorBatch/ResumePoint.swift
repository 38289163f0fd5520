import Foundation

/// What `hamkor batch --resume` may keep: the records of the folder's `manifest.json` (for a
/// shard: the last merged manifest, so a change of shard count still resumes), overlaid by the
/// shard's last manifest, overlaid by the journal of a run that was killed before writing one.
///
/// A unit is kept only when its record says `ok`, its input digests equal the unit's current
/// ones, its files are where the unit writes now, and each file still has the recorded size
/// and SHA-256.
struct ResumePoint: Sendable {
    private let records: [String: ManifestRecord]

    /// Reads the manifest and journal of `shard` in `root`; missing ones count as empty.
    ///
    /// - Throws: ``ManifestError/malformed(path:reason:)`` when the manifest exists but cannot
    ///   be read: resuming from it would guess.
    init(root: URL, shard: Shard) throws(ManifestError) {
        var records: [String: ManifestRecord] = [:]
        let names = shard.isWholeBatch ? [shard.manifestName] : [Manifest.fileName, shard.manifestName]
        for name in names {
            do {
                let manifest = try Manifest.read(root.appendingPathComponent(name))
                for record in manifest.units { records[record.key] = record }
            } catch .missing {
            }
        }
        for record in RunJournal.records(at: root.appendingPathComponent(shard.journalName)) {
            records[record.key] = record
        }
        self.records = records
    }

    /// The earlier result of `unit` if it can be kept as it is.
    func reusable(_ unit: BatchUnit, inputs: UnitInputs?, root: URL) -> UnitResult? {
        guard let inputs, let record = records[unit.key],
              record.status == "ok", record.inputs == inputs else { return nil }
        let files = record.allFiles
        guard !files.isEmpty, files.allSatisfy({ Self.belongs($0.path, to: unit.path) }) else { return nil }
        for file in files {
            guard let found = try? FileDigest(of: root.appendingPathComponent(file.path)),
                  found.bytes == file.bytes, found.sha256 == file.sha256 else { return nil }
        }
        return UnitResult(unit: unit, files: files.map { UnitResult.File(path: $0.path, bytes: $0.bytes, sha256: $0.sha256) },
                          durationMs: record.durationMs, error: nil, inputs: inputs, reused: true)
    }

    /// Whether `file` is the unit's output path, or one of the per-table files written beside
    /// it (`NAME.TABLE.csv` for `NAME.csv`).
    static func belongs(_ file: String, to path: String) -> Bool {
        if file == path { return true }
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        let stem = path[..<dot] + ".", fileExtension = path[dot...]
        return file.hasPrefix(stem) && file.hasSuffix(fileExtension) && !file.dropFirst(stem.count).contains("/")
    }
}
