import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Per-output locks, so that workers sharing one `--out` never write the same file at once.
///
/// One lock file, `ROOT/.hamkor.units.lock`, holds a one-byte record lock per output path, at
/// an offset taken from the path's SHA-256. The locks are Linux open-file-description locks
/// (`F_OFD_SETLK`): they conflict between processes and between two runs in one process, work
/// on NFS, and vanish with the process that held them, so a killed worker leaves none behind.
/// Elsewhere they fall back to process-wide POSIX record locks.
public final class UnitLocks: Sendable {
    /// The lock file's name at the root of `--out`.
    public static let fileName = ".hamkor.units.lock"

    private let descriptor: Int32
    /// Offsets held by this table, guarded so threads can take and release locks concurrently.
    private let held = Locked(Set<Int>())

    /// Opens (creating) the lock file in `folder`.
    ///
    /// - Throws: ``BatchError/lockFailed(path:reason:)`` (exit 73).
    public init(folder: URL) throws(BatchError) {
        let path = folder.appendingPathComponent(Self.fileName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BatchError.lockFailed(path: path, reason: String(cString: strerror(errno))) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Takes the lock of the output `path` (relative to the root) without waiting.
    ///
    /// - Returns: whether it was taken; `false` when another run holds it.
    /// - Throws: ``BatchError/lockFailed(path:reason:)`` when locking fails for another reason.
    public func tryLock(_ path: String) throws(BatchError) -> Bool {
        let offset = Self.offset(of: path)
        if held.withLock({ !$0.insert(offset).inserted }) { return false }
        if setLock(offset, type: Int16(F_WRLCK)) == 0 { return true }
        let code = errno
        held.withLock { _ = $0.remove(offset) }
        if code == EAGAIN || code == EACCES { return false }
        throw BatchError.lockFailed(path: path, reason: String(cString: strerror(code)))
    }

    /// Releases the lock of `path`.
    public func unlock(_ path: String) {
        let offset = Self.offset(of: path)
        _ = setLock(offset, type: Int16(F_UNLCK))
        held.withLock { _ = $0.remove(offset) }
    }

    private func setLock(_ offset: Int, type: Int16) -> Int32 {
        var record = flock()
        record.l_type = type
        record.l_whence = Int16(SEEK_SET)
        record.l_start = off_t(offset)
        record.l_len = 1
        #if os(Linux)
        let setLockCommand: Int32 = 37  // F_OFD_SETLK, which Glibc's Swift module does not export
        #else
        let setLockCommand = F_SETLK
        #endif
        return fcntl(descriptor, setLockCommand, &record)
    }

    /// The byte of the lock file that stands for `path`: 48 bits of its SHA-256.
    static func offset(of path: String) -> Int {
        FileDigest.sha256(Data(path.utf8)).prefix(12).reduce(0) { $0 << 4 | Int(String($1), radix: 16)! }
    }
}
