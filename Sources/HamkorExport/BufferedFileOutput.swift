import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered byte sink over a file descriptor, for exporters that stream large outputs.
public final class BufferedFileOutput {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private let capacity: Int
    private let path: String
    /// Bytes written so far (flushed or buffered).
    public private(set) var byteCount = 0

    /// Opens (creating or truncating) a file for writing.
    public init(path: String, capacity: Int = 1 << 16) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ExportError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        self.descriptor = descriptor
        self.ownsDescriptor = true
        self.capacity = capacity
        self.path = path
        buffer.reserveCapacity(capacity)
    }

    /// Writes to standard output.
    public init(standardOutput: Void = (), capacity: Int = 1 << 16) {
        descriptor = STDOUT_FILENO
        ownsDescriptor = false
        self.capacity = capacity
        path = "<stdout>"
        buffer.reserveCapacity(capacity)
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Appends UTF-8 text.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write($0) }
    }

    /// Appends raw bytes.
    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        byteCount += bytes.count
        if buffer.count + bytes.count > capacity { try flush() }
        if bytes.count >= capacity { try writeAll(bytes); return }
        buffer.append(contentsOf: bytes)
    }

    /// Appends raw bytes.
    public func write(bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try write($0) }
    }

    /// Writes out the buffer.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBufferPointer { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            #else
            let written = Darwin.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            #endif
            if written < 0 {
                if errno == EINTR { continue }
                throw ExportError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}
