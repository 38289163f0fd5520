import Foundation
import Synchronization

/// The table sections of a definition computed side by side, each table a task on the global
/// queue (a table that sorts many rows spreads its sort over the processors too), with its
/// diagnostics deferred: ``ReportBuilder`` takes each table at its section and replays its
/// diagnostics there, so the report — blocks, diagnostics and the first error — is the one
/// built a section after another.
struct ConcurrentTables {
    /// Whether the tables are computed side by side (the default). Off, there are no outcomes
    /// and ``ReportBuilder`` computes each table at its section, reporting straight to its log:
    /// the path a section after another, which tests keep as the reference.
    @TaskLocal static var computesSideBySide = true

    /// A table, or the error that stopped it, and the diagnostics its computation deferred.
    struct Outcome: Sendable {
        let result: Result<TableBlock, any Error>
        let diagnostics: DeferredDiagnostics
    }

    /// The outcome of each table section, by its index in the definition's sections (none when
    /// the tables are computed at their sections).
    let outcomes: [Int: Outcome]

    init(_ sections: [SectionDefinition], context: BuildContext) {
        let tables = sections.enumerated().compactMap { index, section -> (index: Int, definition: TableDefinition)? in
            if case .table(let definition) = section { (index, definition) } else { nil }
        }
        guard Self.computesSideBySide, tables.count > 1 else {
            outcomes = [:]
            return
        }
        let outcomes = Mutex<[Int: Outcome]>([:])
        @Sendable func compute(_ index: Int, _ definition: TableDefinition, _ context: BuildContext, _ deferred: DeferredDiagnostics) {
            let result = Result { try TableComputer(context: context, definition: definition).build() }
            outcomes.withLock { $0[index] = Outcome(result: result, diagnostics: deferred) }
        }
        let group = DispatchGroup()
        for (position, table) in tables.enumerated() {
            let deferred = DeferredDiagnostics()
            let context = context.deferringDiagnostics(to: deferred)
            // The last table on the caller's thread, which would otherwise only wait.
            if position == tables.count - 1 {
                compute(table.index, table.definition, context, deferred)
            } else {
                DispatchQueue.global().async(group: group) { compute(table.index, table.definition, context, deferred) }
            }
        }
        group.wait()
        self.outcomes = outcomes.withLock { $0 }
    }
}
