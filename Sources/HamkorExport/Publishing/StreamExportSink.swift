import Foundation

/// The sink behind standard output: parts are written one after another, each flushed when
/// it ends. Parts written through a file are copied out of a scratch file.
final class StreamExportSink: ExportSink {
    let layout = ExportLayout.oneStream
    private let output = BufferedFileOutput(standardOutput: ())
    private var names: [String] = []

    func writePart(_ name: String, _ body: (ExportPartOutput) throws -> Void) throws {
        try PartNames.claim(name, in: &names)
        try body(ExportPartOutput { try self.output.write($0) })
        try output.flush()
    }

    func writePart(_ name: String, throughFile body: (URL) throws -> Void) throws {
        let bytes = try ScratchFile.bytes(writtenBy: body)
        try writePart(name) { try $0.write(bytes: bytes) }
    }
}
