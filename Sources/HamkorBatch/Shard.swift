import Foundation

/// One of N disjoint slices of a batch (`--shard I/N`, or `--shard auto` through
/// ``ShardEnvironment``); ``ShardPartition`` decides which units each slice holds.
///
/// The partition depends only on the job file, so the N shards together cover every unit
/// exactly once, whichever machines run them.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based index of this shard.
    public let index: Int
    /// The number of shards.
    public let count: Int
    /// Whether this is the unsharded batch (``all``), as opposed to a shard given with
    /// `--shard`, even `1/1`: only the unsharded batch writes `manifest.json` itself.
    public let isWholeBatch: Bool

    /// The whole batch.
    public static let all = Shard(uncheckedIndex: 1, count: 1)

    /// A shard `index` of `count`.
    ///
    /// - Throws: ``BatchError/invalidShard(_:)`` unless `1 <= index <= count` (exit 64).
    public init(index: Int, count: Int) throws(BatchError) {
        guard count >= 1, (1...count).contains(index) else { throw BatchError.invalidShard("\(index)/\(count)") }
        self.index = index
        self.count = count
        self.isWholeBatch = false
    }

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
        self.isWholeBatch = true
    }

    /// Parses `I/N`, as `--shard` takes it.
    ///
    /// - Throws: ``BatchError/invalidShard(_:)`` (exit 64).
    public init(parsing text: String) throws(BatchError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw BatchError.invalidShard(text)
        }
        do {
            try self.init(index: index, count: count)
        } catch {
            throw BatchError.invalidShard(text)
        }
    }

    /// The name of this shard's manifest: `manifest.shard-3-of-8.json`, or `manifest.json` for
    /// the whole batch.
    public var manifestName: String { isWholeBatch ? Manifest.fileName : "manifest.shard-\(index)-of-\(count).json" }

    /// The lock a run of this shard holds on its output folder, so that one shard (or the
    /// whole batch) never runs twice at once there: `.hamkor.shard-3-of-8.lock`, or
    /// `.hamkor.lock` for the whole batch (which `hamkor manifest merge` takes too).
    public var lockName: String { isWholeBatch ? FileLock.outputLockName : ".hamkor.shard-\(index)-of-\(count).lock" }

    /// The journal a run appends each finished unit to, so a killed run can be resumed: a
    /// hidden JSON-lines file beside the manifest, removed once the manifest is written.
    public var journalName: String { "." + manifestName.replacingOccurrences(of: ".json", with: ".journal") }

    /// `I/N`
    public var description: String { "\(index)/\(count)" }
}
