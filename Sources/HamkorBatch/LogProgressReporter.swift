import HamkorCore
import Logging

/// A log line per unit through swift-log, for when standard error is not a terminal.
public struct LogProgressReporter: ProgressReporter {
    private let logger: Logger
    private let counter = Locked((done: 0, total: 0))

    public init(logger: Logger) {
        self.logger = logger
    }

    public func batchStarted(total: Int) {
        counter.withLock { $0 = (0, total) }
        logger.info("batch started: \(total) unit\(total == 1 ? "" : "s")")
    }

    public func unitFinished(_ result: UnitResult) {
        let (done, total) = counter.withLock { state -> (Int, Int) in
            state.done += 1
            return state
        }
        let unit = result.unit
        let metadata: Logger.Metadata = [
            "job": "\(unit.job)", "report": "\(unit.report)", "language": "\(unit.language.tag)",
            "format": "\(unit.format)", "durationMs": "\(result.durationMs)",
        ]
        if let error = result.error {
            logger.error("[\(done)/\(total)] failed \(unit): \(TerminalText.escaped(error))", metadata: metadata)
        } else {
            let how = result.reused ? "kept, inputs unchanged" : "\(result.durationMs) ms"
            logger.info("[\(done)/\(total)] ok \(unit) -> \(result.files.first?.path ?? unit.path) (\(how))",
                        metadata: metadata)
        }
    }

    public func batchFinished(_ summary: BatchSummary) {
        let failed = summary.failedCount
        let reused = summary.reusedCount > 0 ? " (\(summary.reusedCount) kept from an earlier run)" : ""
        let message: Logger.Message = "batch finished: \(summary.results.count - failed) ok\(reused), \(failed) failed; manifest \(summary.manifest.path)"
        if failed > 0 { logger.warning(message) } else { logger.info(message) }
    }
}
