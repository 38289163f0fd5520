import Foundation
import Synchronization

/// The sections of a definition that compute over the data — tables, key figures, paragraphs —
/// computed side by side, each a task on the global queue (a table that sorts many rows spreads
/// its sort over the processors too), with its diagnostics deferred: ``ReportBuilder`` takes
/// each block at its section and replays its diagnostics there, so the report — blocks,
/// diagnostics and the first error — is the one built a section after another.
struct ConcurrentSections {
    /// Whether the sections are computed side by side (the default). Off, there are no outcomes
    /// and ``block(at:of:context:)`` computes each section when asked, reporting straight to the
    /// builder's log: the path a section after another, which tests keep as the reference.
    @TaskLocal static var computesSideBySide = true

    /// A section's block (`nil`: the section shows nothing), or the error that stopped it, and
    /// the diagnostics its computation deferred.
    struct Outcome: Sendable {
        let result: Result<ReportBlock?, any Error>
        let diagnostics: DeferredDiagnostics
    }

    /// The outcome of each computed section, by its index in the definition's sections (none
    /// when the sections are computed when asked).
    let outcomes: [Int: Outcome]

    /// Whether `section` is one computed here.
    static func computes(_ section: SectionDefinition) -> Bool {
        switch section {
        case .table, .keyFigures, .paragraph: true
        case .heading, .chart, .list, .events, .notes: false
        }
    }

    /// The block of a section ``computes(_:)`` takes: a table (always), the key figures that
    /// have values (none when no figure has), a paragraph's text (none when it has none).
    static func block(for section: SectionDefinition, context: BuildContext) throws -> ReportBlock? {
        switch section {
        case .table(let definition):
            return .table(try TableComputer(context: context, definition: definition).build())
        case .keyFigures(let title, let figures):
            let built = try figures.flatMap { try context.keyFigures($0) }
            if built.isEmpty { return nil }
            return .keyFigures(KeyFiguresBlock(title: try title.map { try context.text($0, "section heading") }, figures: built))
        case .paragraph(let paragraph):
            return try context.paragraph(paragraph).map { .paragraph($0) }
        case .heading, .chart, .list, .events, .notes:
            preconditionFailure("not a section computed side by side")
        }
    }

    init(_ sections: [SectionDefinition], context: BuildContext) {
        let computed = sections.indices.filter { Self.computes(sections[$0]) }
        guard Self.computesSideBySide, computed.count > 1 else {
            outcomes = [:]
            return
        }
        let outcomes = Mutex<[Int: Outcome]>([:])
        @Sendable func compute(_ index: Int, _ section: SectionDefinition, _ context: BuildContext, _ deferred: DeferredDiagnostics) {
            let result = Result { try Self.block(for: section, context: context) }
            outcomes.withLock { $0[index] = Outcome(result: result, diagnostics: deferred) }
        }
        let group = DispatchGroup()
        // The largest part (a project list: the last table, as a rule) on the caller's thread,
        // which would otherwise only wait, and the others started before it.
        let last = computed.last { if case .table = sections[$0] { true } else { false } } ?? computed.last!
        for index in computed where index != last {
            let deferred = DeferredDiagnostics()
            let context = context.deferringDiagnostics(to: deferred)
            let section = sections[index]
            DispatchQueue.global().async(group: group) { compute(index, section, context, deferred) }
        }
        let deferred = DeferredDiagnostics()
        compute(last, sections[last], context.deferringDiagnostics(to: deferred), deferred)
        group.wait()
        self.outcomes = outcomes.withLock { $0 }
    }

    /// The block of section `index` (`section`): its outcome, its diagnostics replayed into the
    /// builder's log and translator first; or, computed side by side or not, computed now.
    func block(at index: Int, of section: SectionDefinition, context: BuildContext) throws -> ReportBlock? {
        guard let outcome = outcomes[index] else { return try Self.block(for: section, context: context) }
        outcome.diagnostics.replay(to: context.builder.diagnostics, translator: context.locale.translator)
        return try outcome.result.get()
    }
}
