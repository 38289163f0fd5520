import Foundation
import HamkorCore
import Testing
@testable import HamkorXLSX

@Suite struct ColumnSurveyTests {
    func money(_ amount: String, _ currency: String = "USD") -> CellValue {
        .money(Money(amount: Decimal(string: amount)!, currency: currency))
    }

    /// One pass fills every column's survey: text widths from the header on (stopping at the
    /// maximum), the number of largest magnitude kept exact, negatives, whole money and its currency.
    @Test func everyColumnIsSurveyedInOnePass() {
        let table = TableBlock(
            id: "t", title: "T", shortTitle: "T",
            columns: [TableColumn(id: "name", header: "Name", type: .text),
                      TableColumn(id: "value", header: "Value", type: .money(currency: nil)),
                      TableColumn(id: "change", header: "Change", type: .decimal(fractionDigits: 1)),
                      TableColumn(id: "year", header: "Year", type: .year)],
            rows: [[.text("Quyosh elektr stansiyasi"), money("1500", "AZN"), .decimal(Decimal(string: "-12.5")!, fractionDigits: 1), .year(2024)],
                   [.text("Ko‘prik"), money("-2500000.75"), .decimal(3, fractionDigits: 1), .year(2025)],
                   [.text(String(repeating: "ж", count: 70)), money("10"), .empty],
                   [.text(String(repeating: "x", count: 200)), .empty, .empty, .empty]])
        let surveys = ColumnSurvey.surveys(of: table, maximumWidth: 60)
        #expect(surveys.count == 4)
        #expect(surveys[0].widest == 70)  // measuring stopped once past the maximum: the 200 is never read
        #expect(surveys[1].largest == Decimal(string: "2500000.75")!)
        #expect(surveys[1].negative && !surveys[1].allIntegral && surveys[1].firstCurrency == "AZN")
        #expect(surveys[2].largest == Decimal(string: "12.5")! && surveys[2].negative)
        #expect(surveys[3].widest == 4 && surveys[3].largest == 0)  // years are not measured: the header's width
    }

    /// A header wider than every cell sets the width; an all-whole money column stays whole.
    @Test func headersCountAndWholeMoneyStaysWhole() {
        let table = TableBlock(
            id: "t", title: "T", shortTitle: "T",
            columns: [TableColumn(id: "id", header: "Identifier", type: .identifier),
                      TableColumn(id: "value", header: "V", type: .money(currency: "USD"))],
            rows: [[.text("p1"), money("100")], [.text("p2"), money("250000")]])
        let surveys = ColumnSurvey.surveys(of: table, maximumWidth: 60)
        #expect(surveys[0].widest == 10)
        #expect(surveys[1].allIntegral && surveys[1].firstCurrency == "USD" && !surveys[1].negative)
        #expect(surveys[1].largest == 250000)
    }

    /// A survey in parts, merged in row order, is the one-pass survey: widths stop at the
    /// maximum where one pass stops, the first largest number and the first currency win.
    @Test func aSurveyInPartsIsTheOnePassSurvey() {
        var generator = SystemRandomNumberGenerator()
        let currencies = ["USD", "AZN", "UZS"]
        for _ in 0..<20 {
            let rows = (0..<Int.random(in: 1...60, using: &generator)).map { _ -> [CellValue] in
                let width = Int.random(in: 0...90, using: &generator)
                let amount = Decimal(Int.random(in: -5...5, using: &generator)) / (Bool.random(using: &generator) ? 1 : 4)
                return [Bool.random(using: &generator) ? .text(String(repeating: "ж", count: width)) : .empty,
                        Bool.random(using: &generator) ? .money(Money(amount: amount, currency: currencies.randomElement(using: &generator)!)) : .empty,
                        .decimal(amount, fractionDigits: 1)]
            }
            let table = TableBlock(
                id: "t", title: "T", shortTitle: "T",
                columns: [TableColumn(id: "name", header: "Name", type: .text),
                          TableColumn(id: "value", header: "Value", type: .money(currency: nil)),
                          TableColumn(id: "change", header: "Change", type: .decimal(fractionDigits: 1))],
                rows: rows)
            let whole = ColumnSurvey.surveys(of: table, maximumWidth: 60, parts: 1)
            for parts in 2...4 {
                #expect(ColumnSurvey.surveys(of: table, maximumWidth: 60, parts: parts) == whole, "\(parts) parts of \(rows.count) rows")
            }
        }
    }
}
