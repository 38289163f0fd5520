import Foundation
import HamkorCore
import Testing
@testable import HamkorBatch

/// Jobs over report parameters: units multiply, relative periods resolve at the batch's time in
/// the job's zone, templates use parameters, the plan and the manifest list them.
@Suite struct JobParameterTests {
    func file(_ zone: String = "Asia/Tashkent", output: String = "{partner}/{report}.{period}.{lang}.{format}") throws -> JobFile {
        try parseJobs("""
            output: "\(output)"
            jobs:
              - name: quarterly
                reports: [briefing]
                languages: [en, ru]
                formats: [txt]
                parameters: {partner: [AZ, KZ], period: [previous-quarter, "2021..2024"]}
                timezone: \(zone)
            """)
    }

    // 00:30 on 1 April in Tashkent is still 31 March in UTC.
    let now = date("2025-04-01 00:30", "Asia/Tashkent")

    @Test func unitsMultiplyOverParameterCombinations() throws {
        let plan = try BatchPlan(jobFile: try file(), now: now)
        #expect(plan.totalUnits == 8)
        #expect(plan.units.map(\.path) == [
            "AZ/briefing.2025-Q1.en.txt", "AZ/briefing.2025-Q1.ru.txt", "AZ/briefing.2021..2024.en.txt", "AZ/briefing.2021..2024.ru.txt",
            "KZ/briefing.2025-Q1.en.txt", "KZ/briefing.2025-Q1.ru.txt", "KZ/briefing.2021..2024.en.txt", "KZ/briefing.2021..2024.ru.txt",
        ])
        #expect(plan.units[2].parameters.map { "\($0.name)=\($0.value)" } == ["partner=AZ", "period=2021..2024"])
        #expect(plan.units[2].parameters[1].location?.line == 7)
        #expect(try BatchPlan(jobFile: try file("UTC"), now: now).units.first?.parameters.last?.value == "2024-Q4")
        #expect(plan.dryRunLines(root: "out").first == "quarterly\tbriefing\ten\ttxt\tout/AZ/briefing.2025-Q1.en.txt\tpartner=AZ period=2025-Q1")
    }

    @Test func aTemplateWithoutAParameterThatVariesCollides() throws {
        #expect(throws: BatchError.self) { try BatchPlan(jobFile: try file(output: "{report}.{period}.{lang}.{format}"), now: now) }
    }

    @Test func aTemplatePlaceholderMustBeAJobParameter() {
        let found = problems("""
            output: "{report}.{region}.{lang}.{format}"
            jobs:
              - {name: a, report: briefing, parameters: {period: [2024]}}
            """)
        #expect(found.count == 1)
        #expect(found.first?.contains("unknown placeholder '{region}'") == true)
    }

    @Test func badParameterListsAreLocated() {
        #expect(problems("""
            jobs:
              - {name: a, report: briefing, parameters: {period: []}}
            """).first?.hasPrefix("jobs.yaml:2:54: error: jobs[0].parameters.period: must list at least one value") == true)
        #expect(problems("""
            jobs:
              - {name: a, report: briefing, parameters: {lang: [en]}}
            """).first?.contains("cannot be a parameter name") == true)
    }

    @Test func theManifestRecordsResolvedParameters() throws {
        let unit = try BatchPlan(jobFile: try file(), now: now).units[0]
        let record = ManifestRecord(UnitResult(unit: unit, files: [], durationMs: 1, error: "x"))
        #expect(record.json.contains("\"format\": \"txt\", \"parameters\": {\"partner\": \"AZ\", \"period\": \"2025-Q1\"}, \"path\""))
        #expect(record.key == "quarterly briefing en txt partner=AZ period=2025-Q1")
        #expect(record.key == unit.key)
    }
}
