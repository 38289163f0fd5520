import Foundation

/// The wrapped records of each source, computed once per report build.
final class RowCache: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [RecordSource: [RecordRow]] = [:]

    func rows(_ source: RecordSource, make: () -> [RecordRow]) -> [RecordRow] {
        lock.lock()
        defer { lock.unlock() }
        if let cached = rows[source] { return cached }
        let made = make()
        rows[source] = made
        return made
    }
}
