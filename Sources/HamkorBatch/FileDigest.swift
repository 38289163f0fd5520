import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's size and SHA-256, read in chunks so large outputs never sit in memory.
public struct FileDigest: Sendable, Hashable {
    /// Size in bytes.
    public var bytes: Int
    /// Lowercase hex SHA-256.
    public var sha256: String

    /// What is at a path when it is not a regular file, which a digest never reads.
    public struct NotARegularFile: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path): is not a regular file (a pipe, device, socket or folder)" }
    }

    /// Reads `url` in 64 KiB chunks. Only a regular file (or a link to one) is opened: a FIFO
    /// would block the open forever and a device such as `/dev/zero` never ends.
    public init(of url: URL) throws {
        var info = stat()
        if stat(url.path, &info) == 0, info.st_mode & S_IFMT != S_IFREG { throw NotARegularFile(path: url.path) }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        var total = 0
        while let chunk = try handle.read(upToCount: 65_536), !chunk.isEmpty {
            hasher.update(data: chunk)
            total += chunk.count
        }
        bytes = total
        sha256 = Self.hex(hasher.finalize())
    }

    /// The lowercase hex SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
