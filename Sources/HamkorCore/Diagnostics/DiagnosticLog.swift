import Foundation

/// A thread-safe collector of ``Diagnostic``s; duplicates are kept once, in arrival order.
public final class DiagnosticLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    public init() {}

    /// Records a diagnostic (once).
    public func report(_ diagnostic: Diagnostic) {
        lock.lock()
        defer { lock.unlock() }
        if seen.insert(diagnostic).inserted { items.append(diagnostic) }
    }

    /// Everything reported so far.
    public var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
