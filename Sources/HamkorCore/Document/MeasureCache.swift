import Foundation

/// Measures over whole sources, computed once per report build: key figures and paragraphs
/// often ask for the same one (the portfolio's total value appears in both).
final class MeasureCache: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: [CellValue]] = [:]

    func values(_ key: String, compute: () throws -> [CellValue]) rethrows -> [CellValue] {
        lock.lock()
        defer { lock.unlock() }
        if let known = values[key] { return known }
        let computed = try compute()
        values[key] = computed
        return computed
    }
}
