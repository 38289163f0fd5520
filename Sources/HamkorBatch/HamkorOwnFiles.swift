/// The files Hamkor keeps at the root of `--out` for itself, which no output may replace:
/// `manifest.json` and the shard manifests, their journals, the locks (`.hamkor.lock`,
/// `.hamkor.units.lock`, `.hamkor.shard-I-of-N.lock`, `.hamkor-JOB.lock`) and the scheduler's
/// run log.
enum HamkorOwnFiles {
    /// What `path` (relative to the root) is to Hamkor, or `nil` when an output may use it.
    static func role(of path: String) -> String? {
        guard !path.contains("/") else { return nil }
        if path == Manifest.fileName || ManifestMerge.parseShardName(path) != nil { return "a manifest" }
        if path.hasPrefix(".manifest") && path.hasSuffix(".journal") { return "a run's journal" }
        if path.hasPrefix(".hamkor") && path.hasSuffix(".lock") { return "a lock file" }
        if path == RunLog.fileName { return "the scheduler's run log" }
        return nil
    }
}
