import Foundation

/// The sink behind a file target: each part is staged in an ``AtomicFileGroup`` beside the
/// target, and ``publish()`` names and renames them all at once — a single part becomes the
/// target itself, several become `BASE.PART.EXT` siblings of it.
final class FileExportSink: ExportSink {
    let layout = ExportLayout.separateParts
    private let target: URL
    private let fileExtension: String
    private let group = AtomicFileGroup()
    private var names: [String] = []

    init(target: URL, fileExtension: String) {
        self.target = target
        self.fileExtension = fileExtension
    }

    func writePart(_ name: String, _ body: (ExportPartOutput) throws -> Void) throws {
        try writePart(name, throughFile: { temporary in
            let output = try BufferedFileOutput(path: temporary.path)
            try body(ExportPartOutput { try output.write($0) })
            try output.flush()
        })
    }

    func writePart(_ name: String, throughFile body: (URL) throws -> Void) throws {
        try PartNames.claim(name, in: &names)
        try group.stage(beside: target, body)
    }

    /// Publishes every part written, together, and returns the files.
    func publish() throws -> [ExportedFile] {
        let urls = names.count == 1
            ? [target]
            : names.map { ExportTarget.sibling(of: target, part: $0, extension: fileExtension) }
        let sizes = try group.publish(as: urls)
        return zip(urls, sizes).map { ExportedFile(url: $0, bytes: $1) }
    }

    /// Removes whatever was staged (the exporter failed).
    func discard() {
        group.discard()
    }
}
