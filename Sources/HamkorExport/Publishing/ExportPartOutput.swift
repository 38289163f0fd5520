import Foundation

/// The byte stream of one part being written to an ``ExportSink``.
///
/// Writes are forwarded as they come (to a buffered file, standard output or memory), so a
/// million-row table needs no more memory than a small one.
public struct ExportPartOutput {
    private let sink: (UnsafeBufferPointer<UInt8>) throws -> Void

    /// An output forwarding every write to `sink`.
    public init(_ sink: @escaping (UnsafeBufferPointer<UInt8>) throws -> Void) {
        self.sink = sink
    }

    /// Appends raw bytes.
    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        try sink(bytes)
    }

    /// Appends raw bytes.
    public func write(bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try sink($0) }
    }

    /// Appends UTF-8 text.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try sink($0) }
    }
}
