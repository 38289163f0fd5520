import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that the target path only ever holds a complete file: the bytes go to a
/// temporary file beside the target, which is fsynced and renamed over it; the folder is
/// fsynced after. A failure removes the temporary file and leaves any old version untouched.
public enum AtomicFileWriter {
    /// The marker in temporary file names, so stale ones can be found and removed.
    public static let temporaryMarker = ".hamkor-tmp-"

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

    /// Removes temporary files left in `folder` (recursively) by runs that were killed.
    /// Files whose writing process is still alive are kept. Returns how many were removed.
    @discardableResult
    public static func removeStaleTemporaries(in folder: URL) -> Int {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return 0 }
        var removed = 0
        for case let url as URL in enumerator {
            let name = url.lastPathComponent
            guard let marker = name.range(of: temporaryMarker) else { continue }
            if let pid = Int32(name[marker.upperBound...].prefix { $0.isNumber }), pid == getpid() || kill(pid, 0) == 0 {
                continue  // its writer is still running
            }
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
