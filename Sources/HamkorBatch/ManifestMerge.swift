import Foundation
import HamkorExport

/// `hamkor manifest merge DIR`: joins the shard manifests of one batch into `manifest.json`.
///
/// The shard manifests (`manifest.shard-I-of-N.json`) must all be there, come from the same
/// run (the same job file digest, Hamkor version and batch size), and together list every
/// unit of the batch exactly once. The merged manifest lists the units in batch order, with
/// `shard` `1/1`, the earliest start and the latest finish, and `mergedFrom` naming the shards.
public enum ManifestMerge {
    /// What a merge wrote.
    public struct Outcome: Sendable {
        /// The merged manifest.
        public var manifest: Manifest
        /// Where it was written.
        public var url: URL
        /// How many units failed in their shard (the merge still writes them, as failed).
        public var failedCount: Int { manifest.units.filter { $0.status != "ok" }.count }
    }

    /// Merges the shard manifests in `folder` and writes `manifest.json` there atomically,
    /// holding the folder's lock.
    ///
    /// - Parameter shards: the shard count to merge when manifests of several lie in the folder.
    /// - Throws: ``ManifestError`` for a missing, stale, duplicate or inconsistent shard;
    ///   ``BatchError`` when the folder is locked (75) or the manifest cannot be written (73).
    public static func merge(folder: URL, shards: Int? = nil) throws -> Outcome {
        let (count, names) = try shardNames(in: folder, count: shards)
        var manifests: [(name: String, manifest: Manifest)] = []
        for name in names {
            let manifest = try Manifest.read(folder.appendingPathComponent(name))
            let index = manifests.count + 1
            guard manifest.shard == "\(index)/\(count)" else {
                throw ManifestError.malformed(path: folder.appendingPathComponent(name).path,
                                              reason: "its 'shard' is '\(manifest.shard)', not '\(index)/\(count)'")
            }
            if let first = manifests.first {
                try same(first, (name, manifest), "jobFileSha256", \.jobFileSha256, folder: folder)
                try same(first, (name, manifest), "hamkor", \.hamkor, folder: folder)
                try same(first, (name, manifest), "totalUnits", { $0.totalUnits.map(String.init) }, folder: folder)
            }
            manifests.append((name, manifest))
        }
        guard let total = manifests[0].manifest.totalUnits else {
            throw ManifestError.malformed(path: folder.appendingPathComponent(names[0]).path, reason: "missing 'totalUnits'")
        }

        var byIndex = [(record: ManifestRecord, shard: String)?](repeating: nil, count: total)
        var byKey: [String: String] = [:]
        for (name, manifest) in manifests {
            let path = folder.appendingPathComponent(name).path
            for record in manifest.units {
                guard let index = record.index, (0..<total).contains(index) else {
                    throw ManifestError.malformed(path: path, reason: "unit '\(record.key)' has no 'index' between 0 and \(total - 1)")
                }
                if let first = byIndex[index] {
                    throw ManifestError.duplicateUnit(key: record.key, first: first.shard, second: path)
                }
                if let first = byKey[record.key] {
                    throw ManifestError.duplicateUnit(key: record.key, first: first, second: path)
                }
                byIndex[index] = (record, path)
                byKey[record.key] = path
            }
        }
        let missing = byIndex.indices.filter { byIndex[$0] == nil }
        if let example = missing.first {
            throw ManifestError.uncovered(folder: folder.path, missing: missing.count, total: total, example: example)
        }

        let first = manifests[0].manifest
        let merged = Manifest(started: manifests.map(\.manifest.started).min()!, finished: manifests.map(\.manifest.finished).max()!,
                              shard: "1/1", totalUnits: total, hamkor: first.hamkor, jobFile: first.jobFile,
                              jobFileSha256: first.jobFileSha256, mergedFrom: names, units: byIndex.map { $0!.record })
        let url = folder.appendingPathComponent(Manifest.fileName)
        let lock = try FileLock.lockOutput(folder)
        defer { lock.release() }
        do {
            try AtomicFileWriter.write(Data(merged.render().utf8), to: url)
        } catch {
            throw BatchError.cannotCreate(path: url.path, reason: "\(error)")
        }
        return Outcome(manifest: merged, url: url)
    }

    /// The names `manifest.shard-1-of-N.json` … `manifest.shard-N-of-N.json`, all present.
    static func shardNames(in folder: URL, count wanted: Int?) throws(ManifestError) -> (Int, [String]) {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            let missing = (error as NSError).code == NSFileReadNoSuchFileError
            throw missing ? .missing(path: folder.path) : .unreadable(path: folder.path, reason: (error as NSError).localizedDescription)
        }
        let found = entries.compactMap(parseShardName)
        // A journal is a shard that started and has not finished: its count counts too.
        let started = entries.compactMap { $0.hasPrefix(".") && $0.hasSuffix(".journal") ? parseShardName(String($0.dropFirst().dropLast(".journal".count)) + ".json") : nil }
        var counts = Set((found + started).map(\.count))
        if let wanted { counts = counts.contains(wanted) ? [wanted] : [] }
        guard !counts.isEmpty else {
            if let wanted {
                throw .missingShards(folder: folder.path, names: (1...max(1, wanted)).map { "manifest.shard-\($0)-of-\(wanted).json" })
            }
            throw .noShards(folder: folder.path)
        }
        guard counts.count == 1, let count = counts.first else { throw .mixedShardCounts(folder: folder.path, counts: counts.sorted()) }
        let names = (1...count).map { "manifest.shard-\($0)-of-\(count).json" }
        let present = Set(found.filter { $0.count == count }.map(\.index))
        let absent = (1...count).filter { !present.contains($0) }.map { names[$0 - 1] }
        guard absent.isEmpty else { throw .missingShards(folder: folder.path, names: absent) }
        return (count, names)
    }

    /// `(I, N)` of `manifest.shard-I-of-N.json`.
    static func parseShardName(_ name: String) -> (index: Int, count: Int)? {
        guard name.hasPrefix("manifest.shard-"), name.hasSuffix(".json") else { return nil }
        let middle = name.dropFirst("manifest.shard-".count).dropLast(".json".count)
        let parts = middle.components(separatedBy: "-of-")
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 6 && $0.allSatisfy { ("0"..."9").contains($0) } }),
              let index = Int(parts[0]), let count = Int(parts[1]), (1...count).contains(index) else { return nil }
        return (index, count)
    }

    private static func same(_ first: (name: String, manifest: Manifest), _ other: (name: String, manifest: Manifest),
                             _ field: String, _ value: (Manifest) -> String?, folder: URL) throws(ManifestError) {
        let a = value(first.manifest) ?? "(none)", b = value(other.manifest) ?? "(none)"
        guard a == b else {
            throw .differentRuns(first: folder.appendingPathComponent(first.name).path, second: folder.appendingPathComponent(other.name).path,
                                 field: field, firstValue: a, secondValue: b)
        }
    }
}
