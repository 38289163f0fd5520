import Foundation
import Testing
@testable import HamkorCore

/// Integer keys of exact numbers order them exactly as the numbers.
@Suite struct ScaledKeysTests {
    @Test func keysOrderAsTheNumbers() throws {
        var random = SplitMix(seed: 7)
        for round in 0..<40 {
            let numbers: [Decimal] = (0..<200).map { _ in
                let significand = UInt64.random(in: 0...(round % 2 == 0 ? 1_000_000 : 999_999_999_999), using: &random)
                let exponent = Int.random(in: -3...2, using: &random)
                let sign: FloatingPointSign = Int.random(in: 0..<5, using: &random) == 0 ? .minus : .plus
                return significand == 0 ? Decimal(0) : Decimal(sign: sign, exponent: exponent, significand: Decimal(significand))
            } + [Decimal(string: "1200.50")!, Decimal(string: "1200.5")!, Decimal(0)]
            let keys = try #require(ScaledKeys(numbers)).keys
            for i in numbers.indices {
                for j in numbers.indices where (i &* 7 &+ j) % 5 == 0 {
                    #expect((keys[i] < keys[j]) == (numbers[i] < numbers[j]) && (keys[i] == keys[j]) == (numbers[i] == numbers[j]),
                            "\(numbers[i]) \(numbers[j])")
                }
            }
        }
    }

    @Test func numbersTooFarApartHaveNoKeys() {
        #expect(ScaledKeys([Decimal(string: "0.000001")!, Decimal(string: "999999999999999")!]) == nil)
        #expect(ScaledKeys([Decimal(string: "99999999999999999999999")!]) == nil)
        #expect(ScaledKeys([]) != nil)
    }
}
