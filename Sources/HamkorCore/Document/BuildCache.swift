import Foundation

/// Values computed once per report build and shared by its parts: each source's wrapped records,
/// and measures that key figures and paragraphs both ask for (the portfolio's total value).
final class BuildCache<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    /// The value for `key`, made by `make` the first time it is asked for.
    func value(for key: Key, make: () throws -> Value) rethrows -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let known = values[key] { return known }
        let made = try make()
        values[key] = made
        return made
    }
}
