import Foundation
import Testing
@testable import HamkorCore
import HamkorLocalization

/// The columnar project store and the column path of report builds, each against its reference:
/// a project read back from the columns is the project appended, and every report built from
/// columns (code-id groups, integer sums) equals the same report built the general way.
@Suite struct ProjectColumnsTests {
    typealias Random = SplitMix

    /// An exact amount as data gives them: mostly whole or cents, sometimes many digits, now and
    /// then wider than 64 bits or with trailing zeros kept (`1200.50`), so the stored form matters.
    static func amount(_ random: inout Random) -> Decimal {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return Decimal(string: "\(UInt64.random(in: 0...UInt64.max, using: &random))\(Int.random(in: 100...999, using: &random)).5")!
        case 1: return Decimal(string: "\(Int.random(in: 0...99_999, using: &random)).\(Int.random(in: 0...9, using: &random))0")!
        case 2: return Decimal(sign: .plus, exponent: Int.random(in: -6...6, using: &random),
                               significand: Decimal(UInt64.random(in: 0...999_999_999_999_999_999, using: &random)))
        case 3: return Decimal(string: "9999999999999999999")! + Decimal(Int.random(in: 0...5, using: &random))
        default: return Decimal(Int.random(in: 1...50_000, using: &random) * 10_000)
        }
    }

    static func project(_ index: Int, _ random: inout Random, places: [String], sectors: [String]) -> Project {
        func pick<T>(_ list: [T]) -> T { list[Int.random(in: 0..<list.count, using: &random)] }
        var translations: [LanguageTag: String] = [:]
        if Bool.random(using: &random) { translations[.russian] = "Проект \(index)" }
        if Bool.random(using: &random) { translations[.uzbekLatin] = "Loyiha \(index) oʻ" }
        let currency = Int.random(in: 0..<8, using: &random) == 0 ? pick(["AZN", "UZS", "EUR"]) : "USD"
        let value = Int.random(in: 0..<6, using: &random) == 0 ? nil : Money(amount: amount(&random), currency: currency)
        let start = Bool.random(using: &random) ? Int.random(in: 2015...2026, using: &random) : nil
        var location = SourceLocation(file: pick(["a.csv", "b.csv"]), line: index + 2, column: 1)
        if Int.random(in: 0..<5, using: &random) == 0 { location = SourceLocation(file: "r.xlsx", place: "Лист1!B\(index + 6)") }
        return Project(id: "p-\(index)", name: LocalizedText(english: "Project \(index) \(pick(["Solar", "Cotton", "Data"]))", translations: translations),
                       partners: (0..<Int.random(in: 0...2, using: &random)).map { _ in pick(["UZ", "AZ"]) },
                       sector: pick(sectors), places: (0..<Int.random(in: 0...3, using: &random)).map { _ in pick(places) },
                       value: value, status: pick(ProjectStatus.allCases), startYear: start,
                       endYear: start.flatMap { Bool.random(using: &random) ? $0 + Int.random(in: 0...5, using: &random) : nil },
                       source: Bool.random(using: &random) ? pick(["Ministry", "Press"]) : nil,
                       illustrative: Bool.random(using: &random), location: location)
    }

    /// The exact stored form of an amount, not only its value (`1200.5` and `1200.50` are equal).
    static func form(_ project: Project) -> String {
        guard let amount = project.value?.amount else { return "-" }
        return "\(amount) \(withUnsafeBytes(of: amount) { Array($0) })"
    }

    @Test func readsBackExactlyWhatWasAppendedAndMerged() {
        var random = Random(seed: 19)
        let sectors = TestSupport.vocabulary.codes(.sectors)
        let projects = (0..<600).map { Self.project($0, &random, places: ["UZ-TK", "UZ-SA", "AZ-BA"], sectors: sectors) }
        var first = ProjectColumns(projects[..<250])
        let second = ProjectColumns(projects[250...])
        #expect(Array(first) == Array(projects[..<250]))
        first += second
        #expect(first.count == projects.count)
        for (stored, original) in zip(first, projects) {
            #expect(stored == original)
            #expect(Self.form(stored) == Self.form(original))
            #expect(stored.location.description == original.location.description)
        }
        #expect(first == ProjectColumns(projects))
        first.replaceSubrange(10..<20, with: [projects[0]])
        #expect(first.count == projects.count - 9 && first[10] == projects[0] && first[11] == projects[20])
    }

    @Test func amountPartsAreReadFromTheDecimalItself() throws {
        for text in ["0", "1", "2000.50", "-0.001", "123456789012345678", "500000000"] {
            let amount = Decimal(string: text)!
            let parts = try #require(ProjectColumns.parts(amount))
            #expect(Decimal(sign: parts.negative ? .minus : .plus, exponent: parts.exponent, significand: Decimal(parts.significand)) == amount)
        }
        #expect(ProjectColumns.parts(Decimal(string: "12345678901234567890123")!) == nil)
        #expect(ProjectColumns.parts(Decimal.nan) == nil)
    }

    @Test func integerSumsEqualDecimalSums() throws {
        var random = Random(seed: 7)
        for _ in 0..<200 {
            var integer = DecimalSum(), reference = DecimalSum()
            for _ in 0..<Int.random(in: 1...40, using: &random) {
                let significand = UInt64.random(in: 0..<DecimalSum.smallLimit, using: &random) >> UInt64.random(in: 0...59, using: &random)
                let exponent = Int.random(in: -20...20, using: &random), negative = Int.random(in: 0..<5, using: &random) == 0
                let value = Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
                // The parts as the columns take them: the `Decimal`'s own (it may have dropped trailing zeros).
                let parts = try #require(ProjectColumns.parts(value))
                integer.add(significand: parts.significand, negative: parts.negative, exponent: parts.exponent) { value }
                reference.add(value)
            }
            #expect(integer.value == reference.value)
            #expect("\(integer.value)" == "\(reference.value)")
        }
    }

    /// Random portfolios (codes, several places, amounts of every shape, foreign currencies with
    /// and without rates): every bundled report built from columns equals the general path's.
    @Test(arguments: [1, 2, 3, 4, 5, 6])
    func reportsFromColumnsEqualTheGeneralPath(seed: UInt64) throws {
        var random = Random(seed: seed)
        var dataset = try TestSupport.engine.loadDataset([])
        let places = dataset.places.map(\.code)
        let sectors = TestSupport.vocabulary.codes(.sectors)
        let count = seed == 1 ? 0 : Int.random(in: 1...400, using: &random)
        var projects = seed.isMultiple(of: 2) ? Array(dataset.projects) : []
        projects += (0..<count).map { Self.project($0, &random, places: places, sectors: sectors) }
        dataset.projects = ProjectColumns(projects)
        for report in ["portfolio", "briefing", "agreements", "twin-cities", "trade"] {
            for language in [LanguageTag.english, .russian] {
                func build() -> String {
                    do {
                        let document = try TestSupport.engine.document(report: report, dataset: dataset, language: language,
                                                                       generatedAt: TestSupport.fixedDate)
                        return String(reflecting: document)
                    } catch {
                        return "error: \(error)"
                    }
                }
                let columns = build()
                let reference = ProjectColumnStore.$readsColumns.withValue(false) { build() }
                #expect(columns == reference, "\(report) \(language.tag), seed \(seed)")
            }
        }
    }

    /// Warnings (missing translations, in table order) and `--strict` errors are the general
    /// path's, in the same order, when a project list is read from the columns.
    @Test(arguments: [LanguageTag.russian, .uzbekLatin, .english])
    func diagnosticsFromColumnsEqualTheGeneralPath(_ language: LanguageTag) throws {
        var random = Random(seed: 23)
        var dataset = try TestSupport.engine.loadDataset([])
        let places = dataset.places.map(\.code)
        let sectors = TestSupport.vocabulary.codes(.sectors)
        dataset.projects = ProjectColumns((0..<300).map { Self.project($0, &random, places: places, sectors: sectors) })
        for strict in [false, true] {
            func build() -> String {
                let diagnostics = DiagnosticLog()
                do {
                    _ = try TestSupport.engine.document(report: "portfolio", dataset: dataset, language: language, strict: strict,
                                                        generatedAt: TestSupport.fixedDate, diagnostics: diagnostics)
                    return diagnostics.diagnostics.map(\.description).joined(separator: "\n")
                } catch {
                    return "error: \(error)"
                }
            }
            let columns = build()
            let reference = ProjectColumnStore.$readsColumns.withValue(false) { build() }
            #expect(columns == reference, "\(language.tag), strict: \(strict)")
            if language != .english && !strict { #expect(columns.contains("English is used")) }
        }
    }
}
