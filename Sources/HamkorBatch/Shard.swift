/// One of N disjoint slices of a batch (`--shard I/N`): the units whose index modulo N is I-1.
///
/// Units are numbered in the batch's stable order, so the N shards together cover every unit
/// exactly once, whichever machines run them.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based index of this shard.
    public let index: Int
    /// The number of shards.
    public let count: Int

    /// The whole batch.
    public static let all = Shard(uncheckedIndex: 1, count: 1)

    /// A shard `index` of `count`.
    ///
    /// - Throws: ``BatchError/invalidShard(_:)`` unless `1 <= index <= count` (exit 64).
    public init(index: Int, count: Int) throws(BatchError) {
        guard count >= 1, (1...count).contains(index) else { throw BatchError.invalidShard("\(index)/\(count)") }
        self.index = index
        self.count = count
    }

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
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

    /// Whether the unit numbered `unitIndex` (0-based, in batch order) belongs to this shard.
    public func contains(unitIndex: Int) -> Bool { unitIndex % count == index - 1 }

    /// `I/N`
    public var description: String { "\(index)/\(count)" }
}
