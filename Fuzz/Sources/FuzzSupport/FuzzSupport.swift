import Foundation
import HamkorCore

/// Shared set-up for the harnesses: the bundled vocabulary, and bytes → text the way the loaders decode files.
public enum FuzzSupport {
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let vocabulary: Vocabulary = {
        try! Vocabulary.load(contentsOf: repository.appendingPathComponent("Reports/vocabulary.yaml"))
    }()

    /// The input decoded as a data file is (UTF-8 checks, BOM, NUL); `nil` when refused there.
    public static func text(_ data: UnsafeRawPointer, _ count: Int, file: String) -> String? {
        let bytes = Data(bytes: data, count: count)
        return try? SourceText.decode(bytes, file: file)
    }

    /// A private temporary file for loaders that read from a path.
    public static func temporaryFile(_ name: String) -> URL {
        let folder = URL(fileURLWithPath: "/tmp/hamkor-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name)
    }
}
