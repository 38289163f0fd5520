import Foundation
import Testing
@testable import HamkorCore

@Suite struct DecimalParserTests {
    private func parse(_ text: String) -> (Decimal?, [String]) {
        var errors: [String] = []
        let value = DecimalParser.parse(text) { errors.append($0) }
        return (value, errors)
    }

    /// Plain amounts (the fast path) give exactly what Foundation's parser gives, printed alike.
    @Test(arguments: ["450000000", "0", "-0", "007", "1200.00", "-12.5", "+3", ".5", "5.", "0.000",
                      "9999999999999999999", "1234567890.123456789", "10000000000000000000", "  42 ",
                      "123456789012345678901234567890"])
    func plainAmountsMatchFoundation(_ text: String) throws {
        let (value, errors) = parse(text)
        let expected = try #require(Decimal(string: text.trimmingCharacters(in: .whitespaces),
                                            locale: Locale(identifier: "en_US_POSIX")))
        #expect(errors.isEmpty)
        #expect(value == expected)
        #expect(value?.description == expected.description)
        #expect(value?.isNaN == false)
    }

    @Test(arguments: [("1e6", "exponent"), ("1,000", "grouping separator"), ("1 000", "grouping separator"),
                      ("nan", "not a number"), ("abc", "expected a number"), ("-", "expected a number"),
                      (".", "expected a number"), ("1.2.3", "expected a number"), ("5-", "expected a number"),
                      ("1" + String(repeating: "0", count: 31), "significant digits")])
    func refusedWithAReason(_ text: String, _ reason: String) {
        let (value, errors) = parse(text)
        #expect(value == nil)
        #expect(errors.count == 1)
        #expect(errors.first?.contains(reason) == true, "\(errors)")
    }
}
