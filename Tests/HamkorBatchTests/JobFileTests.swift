import Foundation
import HamkorCore
import HamkorLocalization
import Testing
@testable import HamkorBatch

@Suite struct JobFileTests {
    @Test func loadsAFixtureWithDefaultsAndOverrides() throws {
        let file = try JobFile.load(from: Fixtures.url("weekly.yaml"), knownReports: knownReports, knownFormats: knownFormats)
        #expect(file.jobs.map(\.name) == ["weekly-portfolio", "daily-briefing"])
        #expect(file.output.source == "{date}/{job}/{report}.{lang}.{format}")
        let weekly = file.jobs[0], daily = file.jobs[1]
        #expect(weekly.reports == ["portfolio"])
        #expect(weekly.languages == [.english, .uzbekLatin, .russian])
        #expect(weekly.formats == ["xlsx", "csv"])
        #expect(weekly.schedule?.source == "0 7 * * MON")
        #expect(weekly.timeZone.identifier == "Asia/Tashkent")
        #expect(weekly.timeZoneIsExplicit)
        #expect(weekly.data == [Fixtures.folder.deletingLastPathComponent().appendingPathComponent("data/sample").standardizedFileURL])
        #expect(weekly.strict == false)
        #expect(daily.reports == ["briefing", "agreements"])
        #expect(daily.languages == [.uzbekCyrillic])
        #expect(daily.formats == ["txt"])
        #expect(daily.timeZone.identifier == "Europe/Berlin")
        #expect(daily.data == [Fixtures.url("other.yaml").standardizedFileURL])
        #expect(daily.strict)
    }

    @Test func missingFileIsNotFound() {
        #expect {
            _ = try JobFile.load(from: Fixtures.url("no-such.yaml"), knownReports: knownReports, knownFormats: knownFormats)
        } throws: { error in
            guard let error = error as? DataError, case .notFound = error else { return false }
            return error.exitCode == 66
        }
    }

    @Test func everyMistakeIsReportedWithItsLocation() throws {
        let url = Fixtures.url("mistakes.yaml")
        var found: [String] = []
        do {
            _ = try JobFile.load(from: url, knownReports: knownReports, knownFormats: knownFormats)
        } catch {
            if case .invalid(let problems) = error { found = problems.map(\.description) }
            #expect(error.exitCode == 65)
        }
        let path = url.path
        #expect(found.contains("\(path):5:5: error: jobs[0].langauges: unknown field 'langauges'; did you mean 'languages'? (allowed: name, report, reports, languages, formats, schedule, timezone, data, strict, parameters, output, onFailure, onSuccess, hookTimeout, catchUp)"))
        #expect(found.contains { $0.hasPrefix("\(path):7:13: error: jobs[1].report: unknown report 'portfolo'; did you mean 'portfolio'?") })
        #expect(found.contains { $0.hasPrefix("\(path):8:21: error: jobs[1].languages[1]: unknown language 'xx'; available: en, uz, uz-Cyrl, az, ru") })
        #expect(found.contains { $0.hasPrefix("\(path):9:20: error: jobs[1].formats[1]: unknown format 'pdf'; available: csv, txt, xlsx") })
        // The cron problem points at the hour field inside the quoted expression.
        #expect(found.contains { $0.hasPrefix("\(path):10:18: error: jobs[1].schedule: invalid cron expression: hour: 25 is out of range; use 0-23") })
        #expect(found.contains { $0.hasPrefix("\(path):11:15: error: jobs[1].timezone: unknown time zone 'Asia/Tashknet'; did you mean 'Asia/Tashkent'?") })
        #expect(found.count == 6)
    }

    @Test func reportOrReportsIsRequiredButNotBoth() {
        #expect(problems("jobs:\n  - name: a\n") == ["jobs.yaml:2:5: error: jobs[0].report: is required: give 'report: ID' or 'reports: [ID, ...]'"])
        #expect(problems("jobs:\n  - name: a\n    report: portfolio\n    reports: [briefing]\n")
            == ["jobs.yaml:3:13: error: jobs[0].report: give either 'report' or 'reports', not both"])
    }

    @Test func namesMustBeUniqueAndSafe() {
        let duplicate = problems("jobs:\n  - {name: a, report: portfolio}\n  - {name: a, report: briefing}\n")
        #expect(duplicate == ["jobs.yaml:3:5: error: jobs[1].name: job name 'a' is already used at line 2"])
        let unsafe = problems("jobs:\n  - {name: ../x, report: portfolio}\n")
        #expect(unsafe.count == 1 && unsafe[0].contains("is not a usable job name"))
    }

    @Test func topLevelMistakes() {
        #expect(problems("") == ["jobs.yaml: error: the job file is empty; it needs a 'jobs:' list"])
        #expect(problems("job: []\n").first == "jobs.yaml:1:1: error: job: unknown field 'job'; did you mean 'jobs'? (allowed: data, output, timezone, jobs, onFailure, onSuccess, hookTimeout, catchUp)")
        #expect(problems("output: '{date}/{reprot}'\njobs: [{name: a, report: portfolio}]\n")
            == ["jobs.yaml:1:9: error: output: unknown placeholder '{reprot}'; did you mean '{report}'? (available: {report} {lang} {format} {date} {datetime} {job}; parameters of job 'a': none)"])
        #expect(problems("timezone: Mars/Base\njobs: [{name: a, report: portfolio}]\n").first?
            .hasPrefix("jobs.yaml:1:11: error: timezone: unknown time zone 'Mars/Base'") == true)
    }

    @Test func anchorsAndAliasesAreRefused() {
        let found = problems("jobs:\n  - &one {name: a, report: portfolio}\n  - *one\n")
        // Refused before composing, at the first one (the shared YAMLSafetyGuard of every Hamkor file).
        #expect(found == ["jobs.yaml:2:5: error: YAML anchors (&name) are not allowed in Hamkor files; write the value out"])
        #expect(problems("jobs:\n  - {name: a, report: portfolio}\n  - *one\n")
            == ["jobs.yaml:3:5: error: YAML aliases (*name) are not allowed in Hamkor files; write the value out"])
        // A quoted string ending in a backslash hides nothing from the parser's own events.
        #expect(problems("output: \"C:\\\\\"\njobs:\n  - &one {name: a, report: portfolio}\n")
            == ["jobs.yaml:3:5: error: YAML anchors (&name) are not allowed in Hamkor files; write the value out"])
        #expect(problems("jobs: [{name: a, report: &r portfolio}]\n").count == 1)
    }

    @Test func starsInsidePlainValuesAreNotAliases() throws {
        let file = try parseJobs("jobs:\n  - name: a\n    report: portfolio\n    schedule: 0 7 * * MON # weekly\n")
        #expect(file.jobs[0].schedule?.source == "0 7 * * MON")
    }

    @Test func syntaxErrorsAreLocated() {
        let found = problems("jobs:\n  - name: a\n   report: [portfolio\n")
        #expect(found.count == 1 && found[0].hasPrefix("jobs.yaml:") && found[0].contains("syntax error"))
    }

    @Test func duplicatedLanguagesAreRefused() {
        let found = problems("jobs:\n  - {name: a, report: portfolio, languages: [uz, uz-Latn]}\n")
        #expect(found == ["jobs.yaml:2:50: error: jobs[0].languages[1]: language 'uz-Latn' is listed twice (it is 'uz')"])
    }
}
