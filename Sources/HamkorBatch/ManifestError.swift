import Foundation

/// Why `hamkor manifest merge` or `verify` (or `batch --resume`) could not use a manifest.
///
/// Each case names the exit code a command line should use (``exitCode``).
public enum ManifestError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The manifest does not exist (exit 66).
    case missing(path: String)
    /// It exists but cannot be read (exit 66).
    case unreadable(path: String, reason: String)
    /// It is not a Hamkor manifest (exit 65).
    case malformed(path: String, reason: String)
    /// The folder holds no shard manifests to merge (exit 66).
    case noShards(folder: String)
    /// Shard manifests of different shard counts lie in one folder (exit 65).
    case mixedShardCounts(folder: String, counts: [Int])
    /// Some shards' manifests are missing; the names are listed (exit 66).
    case missingShards(folder: String, names: [String])
    /// Two shard manifests disagree on what was run: job file, its digest, version or size (exit 65).
    case differentRuns(first: String, second: String, field: String, firstValue: String, secondValue: String)
    /// One unit appears in two places (exit 65).
    case duplicateUnit(key: String, first: String, second: String)
    /// The shards together leave units of the batch out (exit 65).
    case uncovered(folder: String, missing: Int, total: Int, example: Int)
    /// Files that no longer match the manifest: one line each (exit 1).
    case changedFiles([String])

    public var description: String {
        switch self {
        case .missing(let path):
            "\(path): error: no such manifest"
        case .unreadable(let path, let reason):
            "\(path): error: cannot read: \(reason)"
        case .malformed(let path, let reason):
            "\(path): error: not a Hamkor manifest: \(reason)"
        case .noShards(let folder):
            "\(folder): error: no shard manifests (manifest.shard-I-of-N.json) to merge"
        case .mixedShardCounts(let folder, let counts):
            "\(folder): error: shard manifests of \(counts.map(String.init).joined(separator: " and ")) shards lie side by side; "
                + "remove the stale ones or pass --shards N"
        case .missingShards(let folder, let names):
            "\(folder): error: missing shard manifest\(names.count == 1 ? "" : "s"): \(names.joined(separator: ", ")); "
                + "did \(names.count == 1 ? "that worker" : "those workers") finish?"
        case .differentRuns(let first, let second, let field, let firstValue, let secondValue):
            "\(second): error: \(field) is '\(secondValue)', but '\(firstValue)' in \(first); the shards come from different runs"
        case .duplicateUnit(let key, let first, let second):
            "\(second): error: unit '\(key)' is also in \(first); each unit must be in exactly one shard"
        case .uncovered(let folder, let missing, let total, let example):
            "\(folder): error: the shards cover \(total - missing) of \(total) units; \(missing) missing (such as unit \(example))"
        case .changedFiles(let lines):
            lines.joined(separator: "\n")
        }
    }

    /// The sysexits code a command line should exit with.
    public var exitCode: Int32 {
        switch self {
        case .missing, .unreadable, .noShards, .missingShards: 66
        case .malformed, .mixedShardCounts, .differentRuns, .duplicateUnit, .uncovered: 65
        case .changedFiles: 1
        }
    }
}
