import Foundation

/// A sink that keeps every part in memory, in order: for tests, for embedding Hamkor in a
/// server that answers with the bytes, and for third parties checking their own exporter.
///
/// ```swift
/// let sink = MemoryExportSink()
/// try MarkdownExporter().render(document, context: context, into: sink)
/// let text = String(decoding: sink.parts[0].bytes, as: UTF8.self)
/// ```
public final class MemoryExportSink: ExportSink {
    /// One rendered part.
    public struct Part: Sendable, Equatable {
        public var name: String
        public var bytes: [UInt8]
    }

    public let layout: ExportLayout
    /// The parts written so far, in order.
    public private(set) var parts: [Part] = []

    /// A sink that reports `layout` to the exporter (separate parts, as files get, by default).
    public init(layout: ExportLayout = .separateParts) {
        self.layout = layout
    }

    /// The bytes of the part with this name, if it was written.
    public func bytes(of name: String) -> [UInt8]? {
        parts.first { $0.name == name }?.bytes
    }

    public func writePart(_ name: String, _ body: (ExportPartOutput) throws -> Void) throws {
        var names = parts.map(\.name)
        try PartNames.claim(name, in: &names)
        var bytes: [UInt8] = []
        try body(ExportPartOutput { bytes.append(contentsOf: $0) })
        parts.append(Part(name: name, bytes: bytes))
    }

    public func writePart(_ name: String, throughFile body: (URL) throws -> Void) throws {
        let bytes = try ScratchFile.bytes(writtenBy: body)
        try writePart(name) { try $0.write(bytes: bytes) }
    }
}
