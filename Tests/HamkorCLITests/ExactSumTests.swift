import Foundation
import Testing

/// Issue #17, class 4: a sum is exact or refused. `Decimal` holds 38 significant digits; a
/// 30-digit amount plus one with 30 decimals needs 60, and used to lose its small part without a
/// word. Amounts that cannot add up exactly are refused at load, in every command, at the amount
/// with the smallest unit (the hostile fixtures `sum-30-digits-plus-30-decimals.*`); a sum that
/// only conversion makes too long is refused when the report is built.
@Suite struct ExactSumTests {
    func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    @Test func amountsThatCannotAddUpExactlyAreRefusedInEveryCommand() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try write("""
            projects:
              - {id: p1, name: {en: Solar}, sector: energy, status: agreed, value: {amount: 123456789012345678901234567890, currency: USD}}
              - {id: p2, name: {en: Wind}, sector: energy, status: agreed, value: {amount: "0.000000000000000000000000000001", currency: USD}}

            """, "sums.yaml", in: folder)
        let out = folder.appendingPathComponent("out.xlsx").path
        for arguments in [["validate", "--data", data], ["report", "portfolio", "--data", data, "--format", "txt"],
                          ["report", "portfolio", "--data", data, "--output", out]] {
            let result = try CLIRunner.run(arguments, timeout: 120)
            #expect(result.status == 65, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("sums.yaml:3:") && result.stderr.contains("projects.value.amount: the USD amounts need 60 significant digits")
                    && result.stderr.contains("up to 38 digits"), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func thirtyEightDigitsAddUpExactly() throws {
        // 10²⁹ + 10⁻⁸: 38 significant digits, the most `Decimal` holds: accepted, and the total is exact.
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try write("""
            projects:
              - {id: p1, name: {en: Solar}, sector: energy, status: agreed, value: {amount: 100000000000000000000000000000, currency: USD}}
              - {id: p2, name: {en: Wind}, sector: energy, status: agreed, value: {amount: "0.00000001", currency: USD}}

            """, "sums.yaml", in: folder)
        let result = try CLIRunner.run(["validate", "--data", data], timeout: 120)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aSumThatConversionMakesTooLongIsRefusedWhenTheReportIsBuilt() throws {
        // Each currency's amounts add up exactly, so the data loads; converted to USD at a rate of
        // 10⁷, the EUR amount has 37 digits, and with the USD cents the sum needs 39.
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try write("""
            projects:
              - {id: p1, name: {en: Solar}, sector: energy, status: agreed, value: {amount: 999999999999999999999999999999, currency: EUR}}
              - {id: p2, name: {en: Wind}, sector: energy, status: agreed, value: {amount: "0.01", currency: USD}}
            exchangeRates:
              - {from: EUR, to: USD, rate: "10000000", date: 2024-08-22}

            """, "converted.yaml", in: folder)
        #expect(try CLIRunner.run(["validate", "--data", data], timeout: 120).status == 0)
        for format in ["txt", "csv", "xlsx", "pdf"] {
            let out = folder.appendingPathComponent("out.\(format)").path
            let result = try CLIRunner.run(["report", "portfolio", "--data", data, "--format", format, "--output", out], timeout: 120)
            #expect(result.status == 65, "\(format): \(result.stderr)")
            #expect(result.stderr.contains("converted.yaml:3:") && result.stderr.contains("in USD needs 39 significant digits"), "\(format): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out), "\(format): nothing is written")
        }
    }

    /// A workbook cell holds a `Double`, 15 significant digits: a longer amount is stored
    /// rounded with a warning naming the cell, while CSV keeps every digit.
    @Test func aWorkbookSaysWhichCellsItRounds() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try write("""
            projects:
              - {id: p1, name: {en: Solar}, sector: energy, status: agreed, value: {amount: "1234567890123456.78", currency: USD}}

            """, "long.yaml", in: folder)
        let xlsx = try CLIRunner.run(["report", "portfolio", "--data", data, "--output", folder.appendingPathComponent("p.xlsx").path, "--verbose"], timeout: 120)
        #expect(xlsx.status == 0, "\(xlsx.stderr)")
        #expect(xlsx.stderr.contains("holds 1234567890123456.78 (18 significant digits); a spreadsheet keeps 15"), "\(xlsx.stderr)")
        let csv = try CLIRunner.run(["report", "portfolio", "--data", data, "--format", "csv", "--csv-dialect", "data", "--table", "projects"], timeout: 120)
        #expect(csv.status == 0 && csv.stdout.contains("1234567890123456.78"), "\(csv.stdout)")
        let short = try write("projects:\n  - {id: p1, name: {en: Solar}, sector: energy, status: agreed, value: {amount: 450000000, currency: USD}}\n",
                              "short.yaml", in: folder)
        let quiet = try CLIRunner.run(["report", "portfolio", "--data", short, "--output", folder.appendingPathComponent("q.xlsx").path, "--verbose"], timeout: 120)
        #expect(quiet.status == 0 && !quiet.stderr.contains("a spreadsheet keeps 15"), "\(quiet.stderr)")
    }
}
