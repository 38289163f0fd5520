import Dispatch
import Foundation

/// `hamkor manifest verify DIR`: re-hashes every file a manifest lists and reports each one
/// that is missing or no longer has the recorded size and SHA-256.
public enum ManifestVerify {
    /// What a clean verification found.
    public struct Outcome: Sendable {
        /// Files checked.
        public var files: Int
        /// Units listed, and how many of them failed in their run (they have no files).
        public var units: Int
        public var failedUnits: Int
    }

    /// Verifies `target`: a manifest file, or a folder holding `manifest.json`. Paths in the
    /// manifest are relative to its folder and may not leave it.
    ///
    /// - Throws: ``ManifestError/changedFiles(_:)`` with one `PATH: error: …` line per file
    ///   that is missing or changed (exit 1); other ``ManifestError``s when the manifest
    ///   itself is missing or malformed.
    public static func verify(_ target: URL) throws(ManifestError) -> Outcome {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory)
        let manifestURL = exists && isDirectory.boolValue ? target.appendingPathComponent(Manifest.fileName) : target
        let folder = manifestURL.deletingLastPathComponent()
        let manifest = try Manifest.read(manifestURL)
        let files = manifest.units.flatMap(\.allFiles)
        let problems = Locked([(Int, String)]())
        DispatchQueue.concurrentPerform(iterations: files.count) { position in
            let file = files[position]
            let shown = folder.appendingPathComponent(file.path).path
            let segments = file.path.split(separator: "/", omittingEmptySubsequences: false)
            guard !file.path.hasPrefix("/"), !segments.contains("..") else {
                problems.withLock { $0.append((position, "\(shown): error: the manifest names a path outside its folder")) }
                return
            }
            let found: FileDigest
            do {
                found = try FileDigest(of: folder.appendingPathComponent(file.path))
            } catch is FileDigest.NotARegularFile {
                problems.withLock { $0.append((position, "\(shown): error: not a regular file (a pipe, device, socket or folder); the manifest lists a file of \(file.bytes) bytes")) }
                return
            } catch {
                problems.withLock { $0.append((position, "\(shown): error: missing (the manifest lists \(file.bytes) bytes)")) }
                return
            }
            if found.bytes != file.bytes || found.sha256 != file.sha256 {
                problems.withLock {
                    $0.append((position, "\(shown): error: changed since the manifest was written: \(found.bytes) bytes, "
                        + "sha256 \(found.sha256.prefix(12))…; the manifest lists \(file.bytes) bytes, sha256 \(file.sha256.prefix(12))…"))
                }
            }
        }
        let found = problems.current.sorted { $0.0 < $1.0 }.map(\.1)
        guard found.isEmpty else { throw .changedFiles(found) }
        return Outcome(files: files.count, units: manifest.units.count, failedUnits: manifest.units.filter { $0.status != "ok" }.count)
    }
}
