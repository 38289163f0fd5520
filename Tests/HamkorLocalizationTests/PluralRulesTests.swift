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

/// `Plural-Forms` headers are read as msgfmt reads them, and nothing in one can crash Hamkor.
@Suite struct PluralFormsTests {
    @Test func theBundledExpressionsEvaluateAsGettextDoes() throws {
        let russian = try PluralForms(parsing: "nplurals=4; plural=(n%1!=0 ? 3 : n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2);")
        #expect(russian.count == 4)
        #expect([0, 1, 2, 5, 11, 21, 22, 112].map { russian.index(for: $0) } == [2, 0, 1, 2, 2, 0, 1, 2])
        let english = try PluralForms(parsing: " nplurals = 2 ; plural = (n != 1) ; ")
        #expect(english.index(for: 1) == 0 && english.index(for: 0) == 1)
        #expect(try PluralForms(parsing: "nplurals=3; plural=!n ? 0 : n<=1 ? 1 : 2;").index(for: 0) == 0)
        #expect(try PluralForms(parsing: "nplurals=1; plural=0;").rangeProblem() == nil)
    }

    @Test func malformedHeadersAreProblemsNotCrashes() {
        let cases: [(String, String)] = [
            ("nplurals=0; plural=0;", "nplurals=0 is not valid"),
            ("nplurals=7; plural=0;", "nplurals=7 is not valid"),
            ("nplurals=2; plural=n==;", "the expression ends too early"),
            ("nplurals=2; plural=(n;", "'(' without its ')'"),
            ("nplurals=2; plural=n n;", "unexpected 'n'"),
            ("nplurals=2; plural=99999999999999999999;", "the number is too large"),
            ("nplurals=2; plural=" + String(repeating: "(", count: 51) + "n" + String(repeating: ")", count: 51) + ";", "nested more than 50"),
            ("nplurals=2; plural=" + String(repeating: "!", count: 51) + "n;", "nested more than 50"),
            ("nplurals=2", "plural= is missing"),
            ("garbage", "is not NAME=VALUE"),
        ]
        for (header, expected) in cases {
            #expect(throws: PluralForms.Problem.self, "\(header)") { try PluralForms(parsing: header) }
            do { _ = try PluralForms(parsing: header) } catch { #expect("\(error)".contains(expected), "\(header): \(error)") }
        }
    }

    @Test func evaluationProblemsAreFoundForEveryNUpTo1000() throws {
        #expect(try PluralForms(parsing: "nplurals=2; plural=n/(n-500);").rangeProblem()?.message == "the plural expression divides by zero for n = 500")
        #expect(try PluralForms(parsing: "nplurals=2; plural=n>999 ? n%(1000-n) : 0;").rangeProblem()?.message == "the plural expression divides by zero for n = 1000")
        #expect(try PluralForms(parsing: "nplurals=2; plural=n>999 ? 2 : 0;").rangeProblem()?.message
                == "the plural expression gives form 2 for n = 1000, but nplurals=2 allows 0 to 1")
        #expect(try PluralForms(parsing: "nplurals=2; plural=n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n;").rangeProblem() != nil)  // wraps, never traps
    }
}
