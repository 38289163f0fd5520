import Foundation
import Testing
@testable import HamkorCore

@Suite struct DecimalSumTests {
    /// The sum `Decimal.+=` gives, which `DecimalSum` must equal in value and in printed form.
    private func plain(_ values: [Decimal]) -> Decimal {
        var total = Decimal(0)
        for value in values { total += value }
        return total
    }

    private func fast(_ values: [Decimal]) -> Decimal {
        var sum = DecimalSum()
        for value in values { sum.add(value) }
        return sum.value
    }

    private func expectSame(_ texts: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let values = texts.map { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX"))! }
        let expected = plain(values), actual = fast(values)
        #expect(actual == expected, "\(texts)", sourceLocation: sourceLocation)
        #expect(actual.description == expected.description, "\(texts)", sourceLocation: sourceLocation)
    }

    @Test func emptyAndZero() {
        #expect(DecimalSum().value == 0)
        expectSame(["0"])
        expectSame(["0.000", "0"])
        expectSame(["5", "-5"])
    }

    @Test func amountsAsDataHoldsThem() {
        expectSame(["450000000", "1200.50", "0.25", "12"])
        expectSame(["1.50", "2.50"])  // 4, not 4.00
        expectSame(["-12.5", "3", "0.001", "99999999999999999"])
        expectSame(["466100000", "312540000", "0.1", "0.2"])
    }

    @Test func largeValuesAndFarApartExponentsStayExact() {
        // Significands beyond 64 bits, sums beyond 10^36 and exponents 40 apart take the slow path.
        expectSame(["123456789012345678901234567890", "1", "0.5"])
        expectSame(["999999999999999999", "999999999999999999", "999999999999999999"])
        expectSame(["1" + String(repeating: "0", count: 30), "0.00000001", "7"])
        expectSame(["0.000000000000000000000000000001", "1" + String(repeating: "0", count: 12)])
        expectSame(["99999999999999999999999999999999999", "99999999999999999999999999999999999", "-1"])
    }

    private func sum(_ texts: [String]) -> DecimalSum {
        var sum = DecimalSum()
        for text in texts { sum.add(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!) }
        return sum
    }

    @Test func aSumKnowsWhenDecimalCouldNotHoldIt() {
        // 30 digits plus 30 decimals: 60 digits; `Decimal` keeps 38 and drops the small part.
        let lossy = sum(["123456789012345678901234567890", "0.000000000000000000000000000001"])
        #expect(!lossy.isExact && lossy.digits == 60)
        #expect(throws: DataError.self) { try lossy.exactValue("the sum", at: SourceLocation(file: "x.yaml", line: 3, column: 5)) }
        #expect(!sum(["1" + String(repeating: "0", count: 30), "0.00000001"]).isExact)  // 39 digits
        // Exactly 38 digits, and far-apart values whose sum still fits, are exact.
        let fits = sum(["1" + String(repeating: "0", count: 29), "0.00000001"])
        #expect(fits.isExact && fits.digits == 38)
        #expect(sum(["99999999999999999999999999999999999", "99999999999999999999999999999999999", "-1"]).isExact)
        #expect(sum(["450000000", "1200.50", "0.25"]).isExact)
    }

    @Test func theRefusalNamesTheDigitsAndTheLimit() throws {
        let lossy = sum(["999999999999999999999999999999", "0.123456789012345678901234567891"])
        do {
            _ = try lossy.exactValue("the sum of 'value' in UZS", at: SourceLocation(file: "x.csv", line: 3, column: 1), field: "value")
            Issue.record("an inexact sum must throw")
        } catch let error as DataError {
            #expect(error.description == "x.csv:3:1: error: value: the sum of 'value' in UZS needs 60 significant digits (from its largest to its smallest digit); "
                    + "Hamkor adds amounts exactly up to 38 digits and does not round a sum: write the amounts with fewer decimals, or the largest ones in a larger unit")
        }
    }

    @Test func randomAmountsMatchDecimalArithmetic() {
        var generator = SplitMix(seed: 42)
        for _ in 0..<200 {
            let texts = (0..<Int(generator.next() % 40)).map { _ -> String in
                let digits = String(generator.next() % 1_000_000_000_000)
                let scale = Int(generator.next() % 8)
                var text = digits
                if scale > 0 && scale < text.count { text.insert(".", at: text.index(text.endIndex, offsetBy: -scale)) }
                if generator.next() % 5 == 0 { text += String(repeating: "0", count: Int(generator.next() % 10)) }
                return generator.next() % 4 == 0 ? "-" + text : text
            }
            expectSame(texts)
        }
    }
}

/// A small deterministic generator, so a failure names the same values every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
