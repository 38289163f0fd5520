import Foundation
import HamkorExport

/// The one check of a batch's output paths, run before anything is written: every file each
/// unit will write (a CSV unit of a several-table report writes one file per table) against
/// every other unit's, and against the names Hamkor keeps for itself in an output folder — its
/// lock files, its manifests and run journals, its run log and its temporary files. Extend ``reservedReason(for:)`` when
/// Hamkor starts keeping another file in the output folder.
public enum OutputClaims {
    /// One unit's claim: who (for messages) and the relative paths it will write.
    public struct Claim: Sendable {
        public var owner: String
        public var paths: [String]

        public init(owner: String, paths: [String]) {
            self.owner = owner
            self.paths = paths
        }
    }

    /// Refuses any path that is one of Hamkor's own files, any two claims on one file, and a
    /// file that another claim needs as a folder (`a.csv` and `a.csv/b.csv`).
    ///
    /// - Throws: ``BatchError/reservedPath(path:owner:reason:)`` or
    ///   ``BatchError/pathCollision(path:first:second:)`` (both exit 65).
    public static func check(_ claims: [Claim]) throws(BatchError) {
        var files: [String: String] = [:]
        var folders: [String: (owner: String, path: String)] = [:]
        for claim in claims {
            for path in claim.paths {
                if let reason = reservedReason(for: path) {
                    throw BatchError.reservedPath(path: path, owner: claim.owner, reason: reason)
                }
                let key = self.key(path)
                if let first = files[key] {
                    throw BatchError.pathCollision(path: path, first: first, second: claim.owner)
                }
                if let folder = folders[key] {
                    throw BatchError.pathCollision(path: path, first: folder.owner, second: claim.owner)
                }
                files[key] = claim.owner
                var parent = key
                while let slash = parent.lastIndex(of: "/") {
                    parent = String(parent[..<slash])
                    if let first = files[parent] {
                        throw BatchError.pathCollision(path: parent, first: first, second: claim.owner)
                    }
                    folders[parent] = (claim.owner, path)
                }
            }
        }
    }

    /// Why `path` (relative to the output root) may not be written by a unit, or `nil`.
    public static func reservedReason(for path: String) -> String? {
        let components = key(path).split(separator: "/").map(String.init)
        guard let name = components.last else { return nil }
        if components.contains(where: isLockName) {
            return "it is the name of Hamkor's lock file; a unit must never replace a lock"
        }
        if components.count == 1, name.hasPrefix(Manifest.fileStem), name.hasSuffix(".json") {
            return "\(Manifest.fileStem)*.json at the top of the output folder is Hamkor's manifest"
        }
        if components.count == 1, name.hasPrefix(".\(Manifest.fileStem)"), name.hasSuffix(".journal") {
            return "it is the name of Hamkor's run journal (.\(Manifest.fileStem)*.journal)"
        }
        if components.count == 1, name == RunLog.fileName {
            return "\(RunLog.fileName) is Hamkor's log of scheduled runs"
        }
        if components.contains(where: { AtomicFileWriter.isTemporaryName($0) }) {
            return "it has the form of Hamkor's temporary files, which the next run would delete"
        }
        return nil
    }

    /// `.hamkor.lock`, a shard's `.hamkor.shard-I-of-N.lock`, the units' `.hamkor.units.lock`
    /// and a scheduled job's `.hamkor-JOB.lock`: every `.hamkor…lock`.
    static func isLockName(_ name: String) -> Bool {
        name == FileLock.outputLockName || name == UnitLocks.fileName || (name.hasPrefix(".hamkor") && name.hasSuffix(".lock"))
    }

    /// The path as a file system may see it: `.` and empty segments dropped, composed (NFC), as
    /// a file system that normalises names (macOS) would store it.
    static func key(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/").precomposedStringWithCanonicalMapping
    }
}
