import Testing
@testable import HamkorLocalization

/// CLDR plural categories for the numbers the issue names, per language.
@Suite struct PluralRulesTests {
    static let integers = [0, 1, 2, 3, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111]

    @Test func russianIntegers() {
        let expected: [PluralCategory] = [.many, .one, .few, .few, .few, .many, .many, .many, .many, .one, .few, .many, .one, .many]
        #expect(Self.integers.map(PluralRules.russian.category(for:)) == expected)
    }

    @Test func russianDecimalsAreOther() {
        #expect(PluralRules.russian.category(forDisplayed: "1,5") == .other)
        #expect(PluralRules.russian.category(forDisplayed: "1.5") == .other)
        #expect(PluralRules.russian.category(forDisplayed: "21.0") == .other)
        #expect(PluralRules.russian.category(for: 1.5, fractionDigits: 1) == .other)
        #expect(PluralRules.russian.category(for: 21, fractionDigits: 0) == .one)
    }

    @Test func englishOneOnlyForIntegerOne() {
        let expected = Self.integers.map { $0 == 1 ? PluralCategory.one : .other }
        #expect(Self.integers.map(PluralRules.english.category(for:)) == expected)
        #expect(PluralRules.english.category(forDisplayed: "1.5") == .other)
        #expect(PluralRules.english.category(forDisplayed: "1.0") == .other)
    }

    @Test(arguments: [PluralRules.uzbek, PluralRules.azerbaijani])
    func uzbekAndAzerbaijaniOneIsNEqualsOne(_ rules: PluralRules) {
        let expected = Self.integers.map { $0 == 1 ? PluralCategory.one : .other }
        #expect(Self.integers.map(rules.category(for:)) == expected)
        #expect(rules.category(forDisplayed: "1.5") == .other)
        #expect(rules.category(forDisplayed: "1.0") == .one)  // n = 1 counts 1.0
    }

    @Test func categoriesMatchPOPluralIndexes() {
        #expect(PluralRules.russian.categories == [.one, .few, .many, .other])
        #expect(PluralRules.russian.index(of: .many) == 2)
        #expect(PluralRules.english.categories == [.one, .other])
    }
}
