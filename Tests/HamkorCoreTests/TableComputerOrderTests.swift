import Foundation
import HamkorLocalization
import Testing
@testable import HamkorCore

@Suite struct TableComputerOrderTests {
    private func order(_ a: String, _ b: String) -> ComparisonResult {
        let x = Decimal(string: a)!, y = Decimal(string: b)!
        return TableComputer.order(x, y, approximately: NSDecimalNumber(decimal: x).doubleValue,
                                   NSDecimalNumber(decimal: y).doubleValue)
    }

    /// Numbers whose doubles are equal or nearly so are still ordered exactly.
    @Test func ordersExactlyWhereDoublesCannotTell() {
        #expect(order("466100000", "312540000") == .orderedDescending)
        #expect(order("-5", "3") == .orderedAscending)
        #expect(order("1200.50", "1200.5") == .orderedSame)
        // 20 significant digits: the same double, different numbers.
        #expect(order("12345678901234567890", "12345678901234567891") == .orderedAscending)
        #expect(order("0.10000000000000000001", "0.1") == .orderedDescending)
        #expect(order("99999999999999999999999999999", "99999999999999999999999999998") == .orderedDescending)
        #expect(order("0", "0.000") == .orderedSame)
    }

    /// A list large enough for its runs of equal values to be ordered on several threads comes
    /// out as ranking every name would order it: value descending, then the name in the report
    /// language's collation (names repeat, and some differ only in case), then id.
    @Test func aLargeListOrdersEachRunOfEqualValuesByNameThenId() throws {
        var dataset = try TestSupport.engine.loadDataset([])
        let words = ["ёлка", "Ёлка", "ель", "жук", "Жук", "заря", "ива", "йод", "Яблоко", "яма", "Åland", "Ерёма"]
        var random = SplitMix(seed: 11)
        let projects = (0..<45_000).map { index in
            let name = "\(words[Int.random(in: 0..<words.count, using: &random)]) \(words[Int.random(in: 0..<words.count, using: &random)])"
            return Project(id: "p-\(index)", name: LocalizedText(english: "Project \(index)", translations: [.russian: name]),
                           partners: [], sector: "energy", places: [],
                           value: Money(amount: Decimal(Int.random(in: 1...40, using: &random) * 1_000), currency: "USD"),
                           status: .agreed, startYear: nil, endYear: nil, source: nil, illustrative: false,
                           location: SourceLocation(file: "big.csv", line: index + 2, column: 1))
        }
        dataset.projects = ProjectColumns(projects)
        let document = try TestSupport.engine.document(report: "portfolio", dataset: dataset, language: .russian,
                                                       generatedAt: TestSupport.fixedDate)
        let table = try #require(document.tables.first { $0.id == "projects" })
        let ids = table.rows.map { row -> String in if case .text(let id) = row[0] { id } else { "" } }

        let locale = ReportLocale(language: .russian, translator: Translator(language: .russian, catalog: nil))
        let ranks = CollationRanks(projects.map { $0.name.exact(.russian)! }, locale: locale)
        let reference = projects.indices.sorted { a, b in
            let x = projects[a].value!.amount, y = projects[b].value!.amount
            if x != y { return x > y }
            if ranks.rank(a) != ranks.rank(b) { return ranks.rank(a) < ranks.rank(b) }
            return projects[a].id < projects[b].id
        }.map { projects[$0].id }
        #expect(ids.count == reference.count)
        #expect(ids == reference)
    }
}
