import Foundation
import Testing

/// `--param` on the command line and `parameters:` in job files, through the built binary.
@Suite struct ParameterCommandTests {
    @Test(arguments: [
        (["--param", "bogus=1"], "unknown parameter; report 'trade' takes partner, period"),
        (["--param", "period=2025-Q5"], "'2025-Q5' is not a period"),
        (["--param", "partner=FR"], "the data has no records with FR"),
        (["--param", "period"], "expected NAME=VALUE"),
        // Issue #17, class 5: a parameter given twice is refused, not the later one taken.
        (["--param", "period=2024", "--param", "period=2025"], "--param period: given twice ('2024' and '2025'); give each parameter once"),
        // Issue #17, classes 4 and 6: a control character in a period or partner is refused, echoed escaped.
        (["--param", "period=2024\u{1}"], "'2024\\u{0001}' is not a period"),
        (["--param", "partner=A\nerror: forged"], "'A\\nerror: forged' is not an ISO 3166-1 alpha-2 country code"),
    ])
    func badParametersAreUsageErrors(arguments: [String], message: String) throws {
        let result = try CLIRunner.run(["report", "trade"] + arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aPeriodAndAPartnerMakeTheReport() throws {
        let result = try CLIRunner.run(["report", "trade", "--param", "period=2024", "--param", "partner=AZ", "--lang", "ru"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Торговля с Азербайджаном"))
        #expect(result.stdout.contains("2024 год"))
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xlsx = try CLIRunner.run(["report", "trade", "--param", "period=2024", "--lang", "uz", "--output", folder.appendingPathComponent("t.xlsx").path])
        #expect(xlsx.status == 0, "\(xlsx.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("t.xlsx").path))
    }

    @Test func aBadParameterInAJobFileIsLocated() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let jobs = folder.appendingPathComponent("jobs.yaml")
        try """
        output: "{report}.{period}.{format}"
        jobs:
          - name: q
            report: trade
            parameters: {period: [2024, next-quarter]}
        """.write(to: jobs, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["batch", jobs.path, "--out", folder.appendingPathComponent("out").path])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("jobs.yaml:5:33: error: period: 'next-quarter' is not a period"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/trade.2024.txt").path))
    }

    @Test func theBundledQuarterlyJobListsResolvedPeriods() throws {
        let result = try CLIRunner.run(["batch", "Reports/jobs.yaml", "--out", "x", "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        let quarterly = result.stdout.split(separator: "\n").filter { $0.hasPrefix("quarterly\t") }
        #expect(quarterly.count == 24)  // 2 reports × 6 languages × 2 formats
        #expect(quarterly.allSatisfy { $0.range(of: #"\tpartner=AZ period=\d{4}-Q[1-4]$"#, options: .regularExpression) != nil })
    }

    /// A period the data has nothing for says so: no key figures of zero, no "fell by 100 %".
    @Test func aPeriodWithNoDataSaysSoInsteadOfZeros() throws {
        let result = try CLIRunner.run(["report", "trade", "--param", "period=2026-Q3", "--lang", "ru"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("За III квартал 2026 года в данных нет записей."), "\(result.stdout)")
        #expect(!result.stdout.contains("100,0"))
        #expect(!result.stdout.contains("Товарооборот:"))
        // A period with data keeps its figures, and growth on the same quarter a year earlier.
        let q3 = try CLIRunner.run(["report", "trade", "--param", "period=2025-Q3", "--lang", "en"])
        #expect(q3.status == 0 && q3.stdout.contains("Turnover growth on a year earlier:") && !q3.stdout.contains("no records"), "\(q3.stdout)")
    }
}
