import Foundation

/// A private temporary file for parts that a library writes through a path, when the part
/// is destined for memory or a stream rather than a file.
enum ScratchFile {
    /// Lets `body` write a fresh temporary file, returns its bytes and removes it.
    static func bytes(writtenBy body: (URL) throws -> Void) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("hamkor-part-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw ExportError.cannotWrite(path: folder.path, reason: AtomicFileWriter.reason(error))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("part")
        try body(file)
        do {
            return [UInt8](try Data(contentsOf: file))
        } catch {
            throw ExportError.cannotWrite(path: file.path, reason: "the writer produced no file (\(AtomicFileWriter.reason(error)))")
        }
    }
}
