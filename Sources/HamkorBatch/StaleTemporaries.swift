import Foundation
import HamkorExport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary files a killed writer of one output left beside it.
///
/// Called while holding the output's lock (``UnitLocks``), so nobody can be writing them: no
/// process-id check is needed, which matters on a volume shared by containers, whose process
/// ids mean nothing to each other. The names are ``AtomicFileWriter``'s: `.NAME` + marker for
/// the output itself and for the per-table files written beside it (`.STEM.TABLE.EXT` + marker).
enum StaleTemporaries {
    @discardableResult
    static func remove(beside destination: URL) -> Int {
        let folder = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let dot = name.lastIndex(of: ".")
        let stem = dot.map { String(name[..<$0]) } ?? name
        let fileExtension = dot.map { String(name[$0...]) } ?? ""
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return 0 }
        var removed = 0
        for entry in entries where entry.hasPrefix(".") {
            guard let marker = entry.range(of: AtomicFileWriter.temporaryMarker) else { continue }
            let target = entry[entry.index(after: entry.startIndex)..<marker.lowerBound]
            let ours = target == name || (target.hasPrefix(stem + ".") && target.hasSuffix(fileExtension) && !fileExtension.isEmpty)
            guard ours else { continue }
            var info = stat()
            let path = folder.appendingPathComponent(entry).path
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if unlink(path) == 0 { removed += 1 }
        }
        return removed
    }
}
