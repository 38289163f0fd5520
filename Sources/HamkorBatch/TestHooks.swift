#if DEBUG
import Foundation
import HamkorExport

/// Fault injection for the end-to-end tests, compiled into debug builds only.
///
/// `HAMKOR_TEST_HANG_AT_UNIT=JOB/REPORT/LANG/FORMAT` makes the worker that runs that unit
/// write half a temporary file beside its output, as a writer killed mid-unit would leave,
/// print `hamkor-test: hanging in UNIT` on stderr and then hang, holding the unit's lock, until
/// the test kills the process.
enum TestHooks {
    static let hangAtUnit = ProcessInfo.processInfo.environment["HAMKOR_TEST_HANG_AT_UNIT"]

    static func hangIfAsked(_ unit: BatchUnit, destination: URL) {
        guard let hangAtUnit, hangAtUnit == "\(unit.job)/\(unit.report)/\(unit.language.tag)/\(unit.format)" else { return }
        let partial = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent)\(AtomicFileWriter.temporaryMarker)\(getpid())-1")
        try? Data("half a file".utf8).write(to: partial)
        FileHandle.standardError.write(Data("hamkor-test: hanging in \(unit)\n".utf8))
        while true { sleep(60) }
    }
}
#endif
