import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `--out` folder: creates output folders inside it and refuses any path that would leave it.
///
/// Folders are created one level at a time; an existing symbolic link on the way is followed
/// only if it resolves inside the root, so nothing is ever created outside it.
public struct OutputRoot: Sendable {
    /// The root as given (standardized).
    public let url: URL
    /// The root with symbolic links resolved.
    public let realPath: String

    /// Opens (creating if needed) the output root.
    ///
    /// - Throws: ``BatchError/cannotCreate(path:reason:)`` (exit 73).
    public init(_ url: URL) throws(BatchError) {
        let standardized = url.standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: standardized, withIntermediateDirectories: true)
        } catch {
            throw BatchError.cannotCreate(path: standardized.path, reason: Self.reason(error))
        }
        guard let real = Self.realPath(standardized.path) else {
            throw BatchError.cannotCreate(path: standardized.path, reason: String(cString: strerror(errno)))
        }
        self.url = standardized
        self.realPath = real
    }

    /// Creates the folders of `relative` (a checked, relative path) and returns the file's URL.
    ///
    /// - Throws: ``BatchError/outsideRoot(path:reason:)`` when a symbolic link on the way leads
    ///   outside the root, ``BatchError/cannotCreate(path:reason:)`` when a folder cannot be made
    ///   (both exit 73).
    public func prepareDestination(for relative: String) throws(BatchError) -> URL {
        let components = relative.split(separator: "/").filter { $0 != "." }.map(String.init)
        guard let fileName = components.last, !components.contains("..") else {
            throw BatchError.outsideRoot(path: relative, reason: "'\(relative)' is not a path inside the output root")
        }
        var current = realPath
        var logical = url.path
        for (position, component) in components.enumerated() {
            let next = current + "/" + component
            logical += "/" + component
            let isLast = position == components.count - 1
            var info = stat()
            if lstat(next, &info) != 0 {
                guard errno == ENOENT else {
                    throw BatchError.cannotCreate(path: logical, reason: String(cString: strerror(errno)))
                }
                if isLast { break }
                if mkdir(next, 0o755) != 0 && errno != EEXIST {
                    throw BatchError.cannotCreate(path: logical, reason: String(cString: strerror(errno)))
                }
                current = next
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard let resolved = Self.realPath(next) else {
                    throw BatchError.outsideRoot(path: logical, reason: "'\(logical)' is a symbolic link that leads nowhere")
                }
                guard isInside(resolved) else {
                    throw BatchError.outsideRoot(path: logical, reason: "'\(logical)' is a symbolic link to '\(resolved)', outside \(url.path)")
                }
                current = resolved
                continue
            }
            if !isLast && (info.st_mode & S_IFMT) != S_IFDIR {
                throw BatchError.cannotCreate(path: logical, reason: "it exists and is not a folder")
            }
            current = next
        }
        _ = fileName
        return url.appendingPathComponent(relative)
    }

    /// Whether a resolved path is the root or inside it.
    func isInside(_ resolved: String) -> Bool {
        resolved == realPath || resolved.hasPrefix(realPath == "/" ? "/" : realPath + "/")
    }

    /// `file`'s path relative to the root, or `nil` if it is not inside it.
    public func relativePath(of file: URL) -> String? {
        let path = file.standardizedFileURL.path
        for base in [url.path, realPath] where path.hasPrefix(base + "/") {
            return String(path.dropFirst(base.count + 1))
        }
        let parent = file.deletingLastPathComponent().standardizedFileURL.path
        if let real = Self.realPath(parent), isInside(real) {
            let folder = real == realPath ? "" : String(real.dropFirst(realPath.count + 1)) + "/"
            return folder + file.lastPathComponent
        }
        return nil
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
