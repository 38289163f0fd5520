import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What libxlsxwriter prints on standard error during one call, kept from the terminal.
///
/// Beside its error codes, libxlsxwriter prints some failures itself, as `[ERROR] …` lines that
/// name the file it was writing — Hamkor's temporary file, which the user never asked for.
/// Hamkor reports every failure itself, naming the real output (``LibraryCall``), so during the
/// calls that can print, file descriptor 2 points into a pipe and the library's lines are handed
/// back. Both ends are non-blocking: a call that prints more than the pipe holds loses the rest
/// rather than hanging. Anything else written to descriptor 2 meanwhile (another thread's
/// message) is written back to it afterwards. One capture at a time.
enum LibraryMessages {
    private static let lock = NSLock()

    /// Runs `body` with standard error captured; returns its result and libxlsxwriter's lines
    /// (those starting `[ERROR]` or `[WARNING]`). Without a pipe, `body` runs uncaptured.
    static func capturing<T>(_ body: () -> T) -> (result: T, lines: [String]) {
        lock.lock()
        defer { lock.unlock() }
        fflush(nil)
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return (body(), []) }
        let saved = dup(2)
        guard saved >= 0 else {
            close(ends[0]); close(ends[1])
            return (body(), [])
        }
        _ = fcntl(ends[0], F_SETFL, O_NONBLOCK)
        _ = fcntl(ends[1], F_SETFL, O_NONBLOCK)
        #if os(Linux)
        _ = fcntl(ends[1], 1031, 1 << 20)  // F_SETPIPE_SZ (a GNU extension Swift's Glibc does not export): room for 1 MiB
        #endif
        _ = dup2(ends[1], 2)
        close(ends[1])
        let result = body()
        fflush(nil)
        _ = dup2(saved, 2)
        close(saved)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(ends[0], &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        close(ends[0])
        var library: [String] = []
        var other: [UInt8] = []
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            let text = String(decoding: line, as: UTF8.self)
            if text.hasPrefix("[ERROR]") || text.hasPrefix("[WARNING]") { library.append(text) } else { other += line + [0x0A] }
        }
        if !other.isEmpty { _ = other.withUnsafeBytes { write(2, $0.baseAddress, $0.count) } }
        return (result, library)
    }
}
