import Foundation

/// Why a batch, a schedule or one of their locks could not go ahead.
///
/// Each case names the sysexits code a command line should exit with (``exitCode``).
public enum BatchError: Error, CustomStringConvertible, Sendable, Equatable {
    /// An output path would land outside the `--out` root: an absolute template, a `..`
    /// segment, or a symbolic link that points elsewhere (exit 73).
    case outsideRoot(path: String, reason: String)
    /// An output folder or file could not be created (exit 73).
    case cannotCreate(path: String, reason: String)
    /// Two units of one batch would write the same file (exit 65).
    case pathCollision(path: String, first: String, second: String)
    /// `--shard` is not of the form `I/N` with `1 <= I <= N` (exit 64).
    case invalidShard(String)
    /// `--shard auto` found the engine's index or count missing, malformed or inconsistent;
    /// the message names the variable (exit 64).
    case shardEnvironment(String)
    /// A unit's output is being written by another run right now (the unit fails; exit 1).
    case unitLocked(path: String, pid: Int32?)
    /// A shard of the batch is already being run by another process (exit 75).
    case shardLocked(shard: String, folder: String, pid: Int32?)
    /// Another process (or run) holds the lock of the output folder (exit 75).
    case outputLocked(folder: String, pid: Int32?)
    /// Another run of the same scheduled job is still going (exit 75).
    case jobLocked(job: String, pid: Int32?)
    /// `--resume` found the earlier manifest unreadable (exit 65).
    case cannotResume(String)
    /// A lock file could not be opened or locked for a reason other than contention (exit 73).
    case lockFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .outsideRoot(let path, let reason):
            "\(path): error: refusing to write outside the output root: \(reason)"
        case .cannotCreate(let path, let reason):
            "\(path): error: cannot create: \(reason)"
        case .pathCollision(let path, let first, let second):
            "\(path): error: units '\(first)' and '\(second)' would write the same file; add {job}, {lang} or {format} to the output template"
        case .invalidShard(let text):
            "error: invalid --shard '\(text)'; expected I/N with 1 <= I <= N, such as 1/3"
        case .shardEnvironment(let message):
            "error: \(message)"
        case .unitLocked(let path, let pid):
            "\(path): error: another run is writing this file\(pid.map { " (pid \($0))" } ?? ""); it was left to that run"
        case .shardLocked(let shard, let folder, let pid):
            "\(folder): error: shard \(shard) is already running in \(folder)\(pid.map { " (pid \($0))" } ?? ""); wait for it to finish"
        case .outputLocked(let folder, let pid):
            "\(folder): error: another run holds the lock for \(folder)\(pid.map { " (pid \($0))" } ?? ""); wait for it to finish"
        case .jobLocked(let job, let pid):
            "error: a previous run of job '\(job)' is still going\(pid.map { " (pid \($0))" } ?? "")"
        case .lockFailed(let path, let reason):
            "\(path): error: cannot take the lock: \(reason)"
        case .cannotResume(let message):
            "\(message); cannot resume from it (remove it to start over)"
        }
    }

    /// The sysexits code a command line should exit with.
    public var exitCode: Int32 {
        switch self {
        case .outsideRoot, .cannotCreate, .lockFailed: 73
        case .pathCollision, .cannotResume: 65
        case .invalidShard, .shardEnvironment: 64
        case .outputLocked, .jobLocked, .shardLocked: 75
        case .unitLocked: 1
        }
    }
}
