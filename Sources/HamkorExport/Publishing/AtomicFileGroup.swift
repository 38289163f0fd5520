import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A set of files published together: each is written and fsynced to a temporary path beside
/// its destination (``stage(beside:_:)``), and only ``publish(as:)`` renames them into place,
/// in order, then fsyncs their folders. A group that is not published — a later file failed,
/// the exporter threw — removes its temporary files, so no destination is ever half-replaced
/// and no partial file is ever visible.
///
/// Every atomic output of Hamkor goes through one group: ``AtomicFileWriter`` and the
/// exporter driver (``ExportPublisher``) both use it, so checks on destinations belong here.
public final class AtomicFileGroup {
    private var temporaries: [URL] = []
    private var sizes: [Int] = []
    private var published = false

    public init() {}

    deinit {
        if !published { discard() }
    }

    /// The number of files staged so far.
    public var count: Int { temporaries.count }

    /// Lets `body` write one file of the group at a temporary path in `url`'s folder (creating
    /// the folder), fsyncs it and returns its size. Errors name `url`, not the temporary path.
    @discardableResult
    public func stage(beside url: URL, _ body: (URL) throws -> Void) throws -> Int {
        do {
            let folder = url.deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw ExportError.cannotWrite(path: url.path, reason: AtomicFileWriter.reason(error))
            }
            let temporary = folder.appendingPathComponent(
                ".\(url.lastPathComponent)\(AtomicFileWriter.temporaryMarker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            temporaries.append(temporary)
            do {
                try body(temporary)
                let size = try AtomicFileWriter.syncFile(temporary, reportingAs: url)
                sizes.append(size)
                return size
            } catch ExportError.cannotWrite(_, let reason) {
                throw ExportError.cannotWrite(path: url.path, reason: reason)  // the target, not the temporary file
            } catch let error as ExportError {
                throw error
            } catch {
                throw ExportError.cannotWrite(path: url.path, reason: AtomicFileWriter.reason(error))
            }
        } catch {
            discard()
            throw error
        }
    }

    /// Renames the staged files, in the order they were staged, to `urls` (one each; a
    /// destination may differ from the one staged beside, within the same folder) and returns
    /// their sizes. After a failure nothing more is renamed and the remaining temporaries go.
    @discardableResult
    public func publish(as urls: [URL]) throws -> [Int] {
        precondition(urls.count == temporaries.count, "one destination per staged file")
        do {
            for (temporary, url) in zip(temporaries, urls) {
                guard rename(temporary.path, url.path) == 0 else {
                    throw ExportError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
                }
            }
        } catch {
            discard()
            throw error
        }
        published = true
        Set(urls.map { $0.deletingLastPathComponent().path }).forEach { AtomicFileWriter.syncFolder(URL(fileURLWithPath: $0)) }
        return sizes
    }

    /// Removes every temporary file not yet renamed; the group can no longer be published.
    public func discard() {
        temporaries.forEach { unlink($0.path) }
        temporaries.removeAll()
        sizes.removeAll()
        published = true
    }
}
