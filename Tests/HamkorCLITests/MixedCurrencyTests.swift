import Foundation
import Testing

/// Issue #17, class 4: amounts in currencies the data gives no exchange rate for are never
/// compared with the rest — no share of 100 % for each currency, no 300 % total, no bars of
/// UZS, AZN and USD on one scale.
@Suite struct MixedCurrencyTests {
    static let data = """
        projects:
          - {id: p1, name: {en: Solar}, sector: energy, status: agreed, value: {amount: 300, currency: USD}}
          - {id: p2, name: {en: Wind}, sector: energy, status: agreed, value: {amount: 100, currency: USD}}
          - {id: p3, name: {en: Cotton}, sector: textiles, status: agreed, value: {amount: 5000000000, currency: UZS}}
          - {id: p4, name: {en: Oil}, sector: oil-and-gas, status: agreed, value: {amount: 700, currency: AZN}}
          - {id: p5, name: {en: Grain}, sector: agriculture, status: agreed, value: {amount: 100, currency: USD}}

        """

    @Test func sharesAreWithinTheReportCurrencyAndTheChartIsLeftOut() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mixed.yaml")
        try Data(Self.data.utf8).write(to: file)
        let csv = try CLIRunner.run(["report", "portfolio", "--data", file.path, "--format", "csv", "--csv-dialect", "data", "--table", "by-sector"], timeout: 120)
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        let share = try #require(header.firstIndex(of: "share"))
        let sector = try #require(header.firstIndex(of: "sector"))
        let bySector = Dictionary(rows.dropFirst().map { ($0[sector], $0[share]) }, uniquingKeysWith: { a, _ in a })
        #expect(bySector["energy"] == "0.800" && bySector["agriculture"] == "0.200", "\(csv.stdout)")
        #expect(csv.stdout.contains("Total,5,,,1.000"), "the shares shown add up to 100 %: \(csv.stdout)")
        #expect(bySector["textiles"] == "" && bySector["oil-and-gas"] == "", "no share across currencies: \(csv.stdout)")
        let text = try CLIRunner.run(["report", "portfolio", "--data", file.path, "--format", "txt", "--verbose"], timeout: 120)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stderr.contains("is left out: its values are in AZN, USD, UZS"), "\(text.stderr)")
        #expect(!text.stdout.contains("300.0%") && !text.stdout.contains("300,0"), "\(text.stdout)")
    }
}
