import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// No silent misses: a missed fire time is reported and caught up, a failing run calls its
/// `onFailure` command with the manifest, the run log records it, `schedule --status` shows it.
@Suite(.serialized) struct ScheduleNotificationTests {
    struct Entry: Decodable {
        struct Hook: Decodable { var command: String, status: Int32?, timedOut: Bool }
        var event: String, job: String, firedAt: String
        var status: String?, unitsOk: Int?, unitsFailed: Int?, manifest: String?, missedCount: Int?, catchUp: Bool?
        var hook: Hook?
    }

    @Test func aFailingCaughtUpRunCallsOnFailureWithTheManifestAndIsLogged() throws {
        let work = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let resources = work.appendingPathComponent("resources"), out = work.appendingPathComponent("out")
        for name in ["Localization", "Reports"] {
            try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent(name), to: resources.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(atPath: CLIRunner.fixture("broken.yaml"), toPath: resources.appendingPathComponent("Reports/definitions/broken.yaml").path)
        let told = work.appendingPathComponent("told.txt")
        let jobFile = work.appendingPathComponent("jobs.yaml")
        try Data("""
            output: "{report}.{lang}.{format}"
            timezone: Asia/Tashkent
            jobs:
              - name: nightly
                reports: [twin-cities, broken]
                languages: [en, ru]
                formats: [txt]
                schedule: "0 2 * * *"
                catchUp: latest
                onFailure: 'printf "%s|%s|%s|%s|%s\\n" "$HAMKOR_EVENT" "$HAMKOR_JOB" "$HAMKOR_MANIFEST" "$HAMKOR_UNITS_OK" "$HAMKOR_UNITS_FAILED" > \(told.path)'
                onSuccess: [touch, \(work.appendingPathComponent("never").path)]

            """.utf8).write(to: jobFile)
        // The log says the job last ran three nights ago: the scheduler was down since.
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let threeDaysAgo = Date().addingTimeInterval(-3 * 86_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Tashkent")!
        var parts = calendar.dateComponents([.year, .month, .day], from: threeDaysAgo)
        parts.hour = 2
        let lastRun = calendar.date(from: parts)!
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = calendar.timeZone
        try Data("{\"event\":\"run\",\"job\":\"nightly\",\"firedAt\":\"\(formatter.string(from: lastRun))\",\"status\":\"ok\",\"unitsOk\":4,\"unitsFailed\":0}\n".utf8)
            .write(to: out.appendingPathComponent("hamkor-runs.jsonl"))

        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["schedule", jobFile.path, "--out", out.path, "--resources", resources.path, "--log-format", "json"]
        process.environment = ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": "1724400000"]) { $1 }
        let log = work.appendingPathComponent("schedule.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        func logged() -> [Entry] {
            let text = (try? String(contentsOf: out.appendingPathComponent("hamkor-runs.jsonl"), encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Entry.self, from: Data($0.utf8)) }
        }
        while !logged().contains(where: { $0.event == "run" && $0.status != "ok" }) && process.isRunning && Date() < deadline { usleep(50_000) }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        let stderr = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "\(stderr)")

        let entries = logged()
        try #require(entries.count == 3, "\(entries.map(\.event)) \(stderr)")
        #expect(entries[1].event == "missed" && entries[1].missedCount ?? 0 >= 2 && entries[1].catchUp == true)
        #expect(stderr.contains("job nightly missed"), "\(stderr)")
        let run = entries[2]
        #expect(run.event == "run" && run.status == "failed" && run.catchUp == true)
        #expect(run.unitsOk == 2 && run.unitsFailed == 2)
        #expect(run.manifest == "manifest.json")
        #expect(run.firedAt == entries[1].firedAt)
        #expect(run.hook?.status == 0 && run.hook?.timedOut == false)

        let manifest = out.appendingPathComponent("manifest.json").path
        let notification = try String(contentsOf: told, encoding: .utf8)
        #expect(notification == "failure|nightly|\(manifest)|2|2\n")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("never").path))

        let status = try CLIRunner.run(["schedule", jobFile.path, "--out", out.path, "--resources", resources.path, "--status"])
        #expect(status.status == 1, "\(status.stderr)")
        let row = try #require(status.stdout.split(separator: "\n").first { $0.hasPrefix("nightly") })
        #expect(row.contains("failed") && row.contains("2/2") && row.contains(run.firedAt), "\(status.stdout)")
    }
}
