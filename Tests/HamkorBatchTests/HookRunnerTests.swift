import Foundation
import Testing
@testable import HamkorBatch

/// Notification commands: environment in, status out, stopped with everything they started.
@Suite struct HookRunnerTests {
    @Test func aShellCommandSeesTheSummaryAndItsStatusIsKept() throws {
        let folder = temporaryFolder()
        defer { cleanUp(folder) }
        let out = folder.appendingPathComponent("told")
        let outcome = HookRunner.run(NotificationCommand(shell: "echo \"$HAMKOR_JOB $HAMKOR_UNITS_FAILED\" > '\(out.path)'; exit 3"),
                                     environment: ["HAMKOR_JOB": "nightly", "HAMKOR_UNITS_FAILED": "2"], timeout: 30)
        #expect(outcome.status == 3 && !outcome.timedOut && outcome.error == nil)
        #expect(try String(contentsOf: out, encoding: .utf8) == "nightly 2\n")
    }

    @Test func aCommandPastItsTimeoutIsStoppedWithItsChildren() throws {
        let folder = temporaryFolder()
        defer { cleanUp(folder) }
        let marker = folder.appendingPathComponent("late")
        // The shell's child would write the marker after 3 s, unless the whole group is stopped.
        let outcome = HookRunner.run(NotificationCommand(shell: "(sleep 3; touch '\(marker.path)') & sleep 30"), environment: [:], timeout: 1)
        #expect(outcome.timedOut)
        #expect(outcome.status == Int32(143))  // SIGTERM
        sleep(4)
        #expect(!FileManager.default.fileExists(atPath: marker.path))
    }

    @Test func aMissingProgramIsReportedNotThrown() {
        let outcome = HookRunner.run(NotificationCommand(arguments: ["/nonexistent/notify"]), environment: [:], timeout: 5)
        #expect(outcome.status == nil)
        #expect(outcome.error?.contains("cannot start '/nonexistent/notify'") == true)
    }
}
