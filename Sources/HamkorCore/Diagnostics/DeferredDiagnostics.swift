import Foundation
import HamkorLocalization

/// The diagnostics of a part of a report built beside the others — reports for the builder's
/// log and missing translations, in the order they came — replayed in the report's order once
/// the part's turn comes, so a report's diagnostics read the same however its parts ran.
final class DeferredDiagnostics: @unchecked Sendable {
    /// One deferred report.
    enum Entry {
        case diagnostic(Diagnostic)
        case missingTranslation(MessageKey)
    }

    private let lock = NSLock()
    private var entries: [Entry] = []

    /// Records `entry`, after those recorded before it.
    func record(_ entry: Entry) {
        lock.lock()
        defer { lock.unlock() }
        entries.append(entry)
    }

    /// Reports every entry, in order: diagnostics to `log`, missing translations through
    /// `translator` (which reports them as its lookups do).
    func replay(to log: DiagnosticLog, translator: Translator) {
        lock.lock()
        let entries = entries
        lock.unlock()
        for entry in entries {
            switch entry {
            case .diagnostic(let diagnostic): log.report(diagnostic)
            case .missingTranslation(let key): translator.reportMissing(key)
            }
        }
    }
}
