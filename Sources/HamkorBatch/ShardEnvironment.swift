import Foundation
import HamkorCore

/// Where `--shard auto` finds its shard: the array-job variables of the engine that started
/// the process.
///
/// | engine | 0-based index | count |
/// |---|---|---|
/// | Kubernetes Indexed Job | `JOB_COMPLETION_INDEX` | `--shards N` or `HAMKOR_SHARDS` |
/// | Slurm job array | `SLURM_ARRAY_TASK_ID` (less `SLURM_ARRAY_TASK_MIN`, over `SLURM_ARRAY_TASK_STEP`) | `SLURM_ARRAY_TASK_COUNT` |
/// | AWS Batch array job | `AWS_BATCH_JOB_ARRAY_INDEX` | `AWS_BATCH_JOB_ARRAY_SIZE` |
///
/// `--shards N` and `HAMKOR_SHARDS` may also be given with Slurm and AWS Batch; every count
/// given must agree. Every variable that is set is checked, even one that would not be
/// needed, so a typo in a pod template fails the first run rather than a later one. Index `i`
/// becomes shard `i+1` of N (`--shard I/N` is 1-based).
public enum ShardEnvironment {
    /// The largest shard count accepted.
    public static let maxShards = 100_000

    /// Resolves the shard from `environment` and the `--shards` option.
    ///
    /// - Throws: ``BatchError/shardEnvironment(_:)`` naming the variable that is missing,
    ///   malformed or inconsistent (exit 64).
    public static func resolve(_ environment: [String: String], shards option: Int?) throws(BatchError) -> Shard {
        let engines: [(index: String, count: String?, name: String)] = [
            ("JOB_COMPLETION_INDEX", nil, "a Kubernetes Indexed Job"),
            ("SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "a Slurm job array"),
            ("AWS_BATCH_JOB_ARRAY_INDEX", "AWS_BATCH_JOB_ARRAY_SIZE", "an AWS Batch array job"),
        ]
        let present = engines.filter { environment[$0.index] != nil }
        guard let engine = present.first else {
            throw .shardEnvironment("--shard auto needs the worker's index, and none of "
                + engines.map(\.index).joined(separator: ", ")
                + " is set; run it in an indexed or array job, or give --shard I/N")
        }
        if present.count > 1 {
            throw .shardEnvironment("--shard auto: both \(present[0].index) and \(present[1].index) are set; "
                + "unset the one that does not belong to the engine running this worker")
        }

        var counts: [(source: String, value: Int)] = []
        if let option {
            guard (1...maxShards).contains(option) else {
                throw .shardEnvironment("--shards \(option) is out of range; give 1 to \(maxShards)")
            }
            counts.append(("--shards", option))
        }
        if let value = try number(environment, "HAMKOR_SHARDS", minimum: 1) { counts.append(("HAMKOR_SHARDS", value)) }
        if let name = engine.count, let value = try number(environment, name, minimum: 1) { counts.append((name, value)) }
        guard let count = counts.first else {
            let needed = engine.count.map { "\($0) is not set; set it or " } ?? ""
            throw .shardEnvironment("--shard auto in \(engine.name) needs the number of workers: \(needed)pass --shards N or set HAMKOR_SHARDS")
        }
        if let other = counts.first(where: { $0.value != count.value }) {
            throw .shardEnvironment("--shard auto: \(describe(count)) and \(describe(other)) disagree on the number of workers")
        }
        guard count.value <= maxShards else {
            throw .shardEnvironment("\(describe(count)) is more than \(maxShards) workers")
        }

        var index = try number(environment, engine.index, minimum: 0)!
        if engine.index == "SLURM_ARRAY_TASK_ID" {
            index = try slurmOffset(environment, taskID: index, count: count.value)
        }
        guard index < count.value else {
            throw .shardEnvironment("--shard auto: \(engine.index)=\(TerminalText.excerpt(environment[engine.index]!, 40)) gives worker \(index), "
                + "but \(describe(count)) allows only 0 to \(count.value - 1)")
        }
        return try Shard(index: index + 1, count: count.value)
    }

    /// A Slurm array need not start at 0 (`--array=1-8`) or step by 1 (`--array=0-14:2`); the
    /// worker is the task's position in the array, which must be a whole range.
    private static func slurmOffset(_ environment: [String: String], taskID: Int, count: Int) throws(BatchError) -> Int {
        let minimum = try number(environment, "SLURM_ARRAY_TASK_MIN", minimum: 0) ?? 0
        let step = try number(environment, "SLURM_ARRAY_TASK_STEP", minimum: 1) ?? 1
        guard taskID >= minimum, (taskID - minimum) % step == 0 else {
            throw .shardEnvironment("--shard auto: SLURM_ARRAY_TASK_ID=\(taskID) is not in the array "
                + "SLURM_ARRAY_TASK_MIN=\(minimum) with SLURM_ARRAY_TASK_STEP=\(step)")
        }
        if let maximum = try number(environment, "SLURM_ARRAY_TASK_MAX", minimum: minimum) {
            let tasks = (maximum - minimum) / step + 1
            guard tasks == count else {
                throw .shardEnvironment("--shard auto: the Slurm array \(minimum)-\(maximum):\(step) has \(tasks) tasks "
                    + "but the count is \(count); use one contiguous range such as --array=0-\(count - 1)")
            }
        }
        return (taskID - minimum) / step
    }

    /// The variable as a decimal number of at most 9 digits, `nil` when unset.
    private static func number(_ environment: [String: String], _ name: String, minimum: Int) throws(BatchError) -> Int? {
        guard let text = environment[name] else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 9, trimmed.unicodeScalars.allSatisfy({ $0.isASCII && ("0"..."9").contains($0) }),
              let value = Int(trimmed), value >= minimum else {
            throw .shardEnvironment("--shard auto: \(name)='\(TerminalText.excerpt(text, 40))' is not a whole number of at least \(minimum)")
        }
        return value
    }

    private static func describe(_ count: (source: String, value: Int)) -> String {
        count.source == "--shards" ? "--shards \(count.value)" : "\(count.source)=\(count.value)"
    }
}
