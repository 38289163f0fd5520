import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that the target path only ever holds a complete file: the bytes go to a
/// temporary file beside the target, which is fsynced and renamed over it; the folder is
/// fsynced after. A failure removes the temporary file and leaves any old version untouched.
///
/// Only a regular file, or nothing, is ever replaced: a FIFO, a device, a socket, a folder or a
/// symbolic link at the target is refused before anything is written (as root, `/dev/null`
/// would otherwise become a regular file).
public enum AtomicFileWriter {
    /// The marker in temporary file names, so stale ones can be found and removed.
    public static let temporaryMarker = ".hamkor-tmp-"

    /// The temporary name for a file named `name`: `.NAME.hamkor-tmp-PID-START-RANDOM`, where
    /// START is this process's start time, so a later process with the same pid (every run in
    /// a container is pid 1) can tell the file is not its own.
    public static func temporaryName(for name: String) -> String {
        let identity = ProcessIdentity.current
        return ".\(name)\(temporaryMarker)\(identity.pid)-\(identity.startTicks ?? 0)-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Whether `name` is a temporary file name Hamkor makes (and no other name, however much
    /// of the marker it holds): `.NAME.hamkor-tmp-PID-START-RANDOM`, or the older
    /// `.NAME.hamkor-tmp-PID-RANDOM`, all numbers decimal.
    public static func isTemporaryName(_ name: String) -> Bool { writer(ofTemporary: name) != nil }

    /// The process that made a temporary file, from its name; `nil` for any other name.
    static func writer(ofTemporary name: String) -> ProcessIdentity? {
        guard name.hasPrefix("."), let marker = name.range(of: temporaryMarker, options: .backwards),
              name.distance(from: name.startIndex, to: marker.lowerBound) > 1 else { return nil }
        let numbers = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard numbers.count == 2 || numbers.count == 3,
              numbers.allSatisfy({ !$0.isEmpty && $0.count <= 20 && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
              let pid = Int32(numbers[0]) else { return nil }
        let start = numbers.count == 3 ? UInt64(numbers[1]).flatMap { $0 == 0 ? nil : $0 } : nil
        return ProcessIdentity(pid: pid, startTicks: start)
    }

    /// Refuses a target that exists and is not a regular file.
    static func checkReplaceable(_ url: URL) throws {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return }  // nothing there: fine
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFIFO: kind = "a named pipe (FIFO)"
        case S_IFCHR, S_IFBLK: kind = "a device"
        case S_IFSOCK: kind = "a socket"
        case S_IFDIR: kind = "a folder"
        case S_IFLNK: kind = "a symbolic link"
        default: kind = "not a regular file"
        }
        throw ExportError.cannotWrite(path: url.path, reason: "it is \(kind); Hamkor replaces only regular files: give the path of a file (or '-' for standard output)")
    }

    /// Writes `data` to `url` atomically and returns the byte count.
    @discardableResult
    public static func write(_ data: Data, to url: URL) throws -> Int {
        try write(to: url) { temporary in
            // Written directly: FileManager.createFile would stage the bytes in a temporary file
            // of its own (`.dat.nosync…`), which a killed run would leave behind unrecognised.
            let output = try BufferedFileOutput(path: temporary.path)
            try data.withUnsafeBytes { try output.write($0.bindMemory(to: UInt8.self)) }
            try output.flush()
        }
    }

    /// Lets `body` fill a temporary path beside `url`, then publishes it at `url`.
    ///
    /// `body` receives the temporary file's URL and must write the whole file there (for
    /// example by handing the path to a C library). Returns the final size in bytes.
    @discardableResult
    public static func write(to url: URL, _ body: (URL) throws -> Void) throws -> Int {
        try writeGroup(to: [url]) { _, temporary in try body(temporary) }[0]
    }

    /// Writes several files as a group: every file is written and fsynced to its temporary
    /// path first, and only when all succeeded are they renamed into place. A failure while
    /// writing (a full disk at the third file, say) publishes none of them, so an output set is
    /// never left half-replaced. Returns the sizes, in order. (An ``AtomicFileGroup`` does
    /// the work; use one directly when the final names are known only after writing.)
    @discardableResult
    public static func writeGroup(to urls: [URL], _ body: (Int, URL) throws -> Void) throws -> [Int] {
        let group = AtomicFileGroup()
        for (index, url) in urls.enumerated() {
            try group.stage(beside: url) { try body(index, $0) }
        }
        return try group.publish(as: urls)
    }

    /// Removes temporary files left in `folder` (recursively) by runs that were killed: regular
    /// files whose whole name has the form Hamkor gives them (``isTemporaryName(_:)``), and
    /// whose writer is no longer running — the same pid with another start time is another
    /// process. Returns how many were removed.
    @discardableResult
    public static func removeStaleTemporaries(in folder: URL) -> Int {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return 0 }
        var removed = 0
        for case let url as URL in enumerator {
            guard let writer = writer(ofTemporary: url.lastPathComponent), !writer.isRunning else { continue }
            var info = stat()
            guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            if unlink(url.path) == 0 { removed += 1 }
        }
        return removed
    }

    static func syncFile(_ url: URL, reportingAs target: URL) throws -> Int {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ExportError.cannotWrite(path: target.path, reason: "the writer produced no file (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var info = stat()
        fstat(descriptor, &info)
        guard fsync(descriptor) == 0 else {
            throw ExportError.cannotWrite(path: target.path, reason: String(cString: strerror(errno)))
        }
        return Int(info.st_size)
    }

    static func syncFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    static func reason(_ error: Error) -> String {
        if let error = error as? ExportError, case .cannotWrite(_, let reason) = error { return reason }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
