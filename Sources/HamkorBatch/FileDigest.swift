import Crypto
import Foundation

/// A file's size and SHA-256, read in chunks so large outputs never sit in memory.
public struct FileDigest: Sendable, Hashable {
    /// Size in bytes.
    public var bytes: Int
    /// Lowercase hex SHA-256.
    public var sha256: String

    /// Reads `url` in 64 KiB chunks.
    public init(of url: URL) throws {
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
