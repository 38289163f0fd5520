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

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The harness's own `LLVMFuzzerTestOneInput`, which every harness executable defines.
@_silgen_name("LLVMFuzzerTestOneInput")
func harnessTestOneInput(_ data: UnsafeRawPointer, _ count: Int) -> CInt

/// Starts libFuzzer on the harness's `LLVMFuzzerTestOneInput`, skipping empty inputs.
///
/// SwiftPM links executables with `main` pointing at `<Target>_main`, so each harness defines
/// that entry point as a call to this function.
public func runFuzzer() -> CInt {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, count in
        guard let data, count > 0 else { return 0 }
        return harnessTestOneInput(UnsafeRawPointer(data), count)
    }
}
