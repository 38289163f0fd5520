import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive, non-blocking `flock` on a lock file, holding the owner's pid for messages.
///
/// `flock` locks belong to the open file description, so a second ``FileLock`` on the same file
/// fails even within one process; the lock is released by ``release()``, on deinit, or by the
/// kernel when the process dies — a crashed run never leaves a stale lock behind.
public final class FileLock: @unchecked Sendable {
    /// The lock file.
    public let url: URL
    private let state: Locked<Int32>

    /// The output folder's lock file name.
    public static let outputLockName = ".hamkor.lock"

    /// The lock file name of a scheduled job.
    public static func jobLockName(_ job: String) -> String { ".hamkor-\(job).lock" }

    private init(url: URL, descriptor: Int32) {
        self.url = url
        self.state = Locked(descriptor)
    }

    /// Takes the lock of an output folder (`FOLDER/.hamkor.lock`).
    ///
    /// - Throws: ``BatchError/outputLocked(folder:pid:)`` if another run holds it (exit 75),
    ///   ``BatchError/lockFailed(path:reason:)`` otherwise (exit 73).
    public static func lockOutput(_ folder: URL) throws(BatchError) -> FileLock {
        let url = folder.appendingPathComponent(outputLockName)
        return try acquire(url) { pid in BatchError.outputLocked(folder: folder.path, pid: pid) }
    }

    /// Takes the lock a run of `shard` holds on its output folder (``Shard/lockName``): the
    /// folder's own lock for the whole batch, one per shard otherwise, so the N shards of a
    /// batch share the folder while each runs at most once at a time.
    ///
    /// - Throws: ``BatchError/outputLocked(folder:pid:)`` or ``BatchError/shardLocked(shard:folder:pid:)``
    ///   if another run holds it (exit 75), ``BatchError/lockFailed(path:reason:)`` otherwise (exit 73).
    public static func lockShard(_ shard: Shard, in folder: URL) throws(BatchError) -> FileLock {
        if shard.isWholeBatch { return try lockOutput(folder) }
        let url = folder.appendingPathComponent(shard.lockName)
        return try acquire(url) { pid in BatchError.shardLocked(shard: shard.description, folder: folder.path, pid: pid) }
    }

    /// Takes the lock of a scheduled job (`FOLDER/.hamkor-JOB.lock`).
    ///
    /// - Throws: ``BatchError/jobLocked(job:pid:)`` if a run of the job holds it (exit 75),
    ///   ``BatchError/lockFailed(path:reason:)`` otherwise (exit 73).
    public static func lockJob(_ job: String, in folder: URL) throws(BatchError) -> FileLock {
        let url = folder.appendingPathComponent(jobLockName(job))
        return try acquire(url) { pid in BatchError.jobLocked(job: job, pid: pid) }
    }

    private static func acquire(_ url: URL, held: (Int32?) -> BatchError) throws(BatchError) -> FileLock {
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BatchError.lockFailed(path: url.path, reason: String(cString: strerror(errno)))
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            let owner = readPid(descriptor)
            close(descriptor)
            if code == EWOULDBLOCK || code == EAGAIN { throw held(owner) }
            throw BatchError.lockFailed(path: url.path, reason: String(cString: strerror(code)))
        }
        let text = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return FileLock(url: url, descriptor: descriptor)
    }

    private static func readPid(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 31, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Releases the lock (once; later calls do nothing). The lock file stays, empty.
    public func release() {
        state.withLock { descriptor in
            guard descriptor >= 0 else { return }
            _ = ftruncate(descriptor, 0)
            flock(descriptor, LOCK_UN)
            close(descriptor)
            descriptor = -1
        }
    }

    deinit { release() }
}
