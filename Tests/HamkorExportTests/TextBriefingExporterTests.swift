import Foundation
import HamkorCore
import HamkorLocalization
import Testing
@testable import HamkorExport

@Suite("Text briefing exporter")
struct TextBriefingExporterTests {
    static let widths = [40, 60, 78]
    static let cases: [(LanguageTag, Int)] = [LanguageTag.english, .russian].flatMap { language in widths.map { (language, $0) } }

    private func render(_ language: LanguageTag, width: Int, document: ReportDocument? = nil) -> String {
        TextBriefingExporter(configuration: TextConfiguration(width: width))
            .render(document ?? Fixtures.document(language), context: Fixtures.context(language))
    }

    @Test(arguments: cases)
    func everyLineFitsTheWidth(_ language: LanguageTag, _ width: Int) {
        let text = render(language, width: width)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(DisplayWidth.of(line) <= width, "\(DisplayWidth.of(line)) > \(width): \(line)")
            #expect(!line.hasSuffix(" "))
        }
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
    }

    @Test(arguments: cases)
    func titleUnderlineMatchesTitleWidth(_ language: LanguageTag, _ width: Int) {
        let lines = render(language, width: width).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let rule = lines.firstIndex { $0.allSatisfy { $0 == "=" } }!
        let titleWidth = lines[..<rule].map { DisplayWidth.of($0) }.max()!
        #expect(lines[rule].count == titleWidth)
        let titleWords = lines[..<rule].joined(separator: " ")
        #expect(titleWords == (language == .russian ? Fixtures.russian.title : Fixtures.english.title))
        let heading = language == .russian ? Fixtures.russian.heading : Fixtures.english.heading
        let headingLine = lines.firstIndex(of: heading)!
        #expect(lines[headingLine + 1] == String(repeating: "-", count: DisplayWidth.of(heading)))
    }

    /// ICU separates groups and units with no-break spaces; compare with plain ones.
    private func plainSpaces(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
    }

    @Test func sampleBannerAndFooter() {
        let text = plainSpaces(render(.russian, width: 78))
        #expect(text.contains("(!) Демонстрационные данные:"))
        #expect(text.contains("Источники данных:"))
        #expect(text.contains("  • Министерство инвестиций"))
        #expect(text.contains("Сформировано: 23 августа 2024 г., 10:00 UTC"))
        #expect(text.contains("Язык: русский"))
        #expect(text.contains("[1] Суммы в долларах США"))
        let english = render(.english, width: 78)
        #expect(english.contains("(!) Sample data:"))
        #expect(english.contains(ReportLabels.english.illustrativeNote))
        var plain = Fixtures.document(.english)
        plain.isSampleData = false
        #expect(!render(.english, width: 78, document: plain).contains("Sample data"))
    }

    @Test func cellsAreFormattedForTheLanguage() {
        let text = plainSpaces(render(.russian, width: 78))
        #expect(text.contains("2134567890 $") == false)
        #expect(text.contains("2 134 567 890 $"))  // no-break spaces from ICU
        #expect(text.contains("25,3 %"))
        #expect(text.contains("27.05.1996"))  // tables use the numeric date
        #expect(text.contains("2024"))
        #expect(!text.contains("2 024") && !text.contains("2 019"))  // years are never grouped
    }

    @Test(arguments: cases)
    func numbersAreRightAlignedInTables(_ language: LanguageTag, _ width: Int) throws {
        let table = TableBlock(id: "t", title: "Numbers", shortTitle: "N",
                               columns: [TableColumn(id: "name", header: "Name", type: .text),
                                         TableColumn(id: "count", header: "Count", type: .integer),
                                         TableColumn(id: "value", header: "Value", type: .money(currency: "USD"))],
                               rows: [[.text("a"), .integer(5), .money(Money(amount: 10, currency: "USD"))],
                                      [.text("bb"), .integer(12_345), .money(Money(amount: 2_000_000, currency: "USD"))]],
                               total: TotalRow(label: "Total", cells: [.label, .sum(.integer(12_350)), .sum(.money(Money(amount: 2_000_010, currency: "USD")))]))
        var document = Fixtures.document(language, tables: [table])
        document.blocks = [.table(table)]
        let lines = render(language, width: width, document: document).split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("Name") })
        let rows = lines[(header + 2)...(header + 2)] + lines[(header + 3)...(header + 3)] + lines[(header + 5)...(header + 5)]
        let ends = Set(rows.map { DisplayWidth.of($0) })
        #expect(ends.count == 1, "rows end in one column: \(rows)")
        let countEnds = Set(([lines[header]] + rows).map { line in
            DisplayWidth.of(String(line[..<line.range(of: line == lines[header] ? "Count" : (line.contains("12") ? "12" : "5"))!.upperBound]))
        })
        #expect(countEnds.count <= 2)
        #expect(lines[header + 1].allSatisfy { $0 == "-" || $0 == " " })
    }

    @Test(arguments: [20, 24, 30])
    func narrowWidthsStillFit(_ width: Int) {
        for language in [LanguageTag.english, .russian] {
            let text = render(language, width: width)
            for line in text.split(separator: "\n") {
                #expect(DisplayWidth.of(line) <= width, "\(line)")
            }
        }
    }

    @Test func wrapperKeepsClustersAndCountsDisplayWidth() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("oʻzbek") == 6)
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("Ｆ") == 2)
        #expect(DisplayWidth.of("\u{200B}") == 0)
        #expect(DisplayWidth.of("👍🏽") == 2)
        let text = String(repeating: "e\u{301}", count: 30) + " Oʻzbekiston gʻalaba 漢字漢字漢字"
        for width in [5, 7, 11] {
            let lines = TextWrapper(width: width).wrap(text)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
            // A word wider than the line is hyphenated: every piece but the last ends with a visible hyphen.
            let unhyphenated = lines.map { $0.hasSuffix("-") ? String($0.dropLast()) : $0 }
            #expect(unhyphenated.joined().filter { $0 != " " } == text.filter { $0 != " " })
            #expect(lines.allSatisfy { !$0.unicodeScalars.first!.properties.isGraphemeExtend })
        }
        #expect(TextWrapper(width: 10, firstPrefix: "  • ", nextPrefix: "    ").wrap("one two three four")
                == ["  • one", "    two", "    three", "    four"])
        // Ideographs break between each other, with no hyphen (UAX #14 class ID).
        #expect(TextWrapper(width: 4).wrap("漢字漢字") == ["漢字", "漢字"])
    }

    /// Lines break only at UAX #14 opportunities: after spaces and after a hyphen between letters,
    /// never at a no-break space or inside a word; a word wider than the line is hyphenated at a
    /// syllable boundary with a visible hyphen, never cut silently.
    @Test func linesBreakOnlyAtLineBreakOpportunities() {
        #expect(TextWrapper(width: 20).wrap("tartib-taomillarini soddalashtirish") == ["tartib-taomillarini", "soddalashtirish"])
        #expect(TextWrapper(width: 12).wrap("tartib-taomillarini") == ["tartib-", "taomillarini"])
        // No break at a no-break space, nor before a digit after a hyphen.
        #expect(TextWrapper(width: 8).wrap("2\u{00A0}134\u{00A0}$ x") == ["2\u{00A0}134\u{00A0}$", "x"])
        #expect(TextWrapper(width: 10).wrap("2024–2026 yy") == ["2024–2026", "yy"])
        // The review's words: hyphenated where a syllable starts, never cut without a hyphen.
        #expect(TextWrapper(width: 12).wrap("фотоэлектрическая") == ["фотоэлектри-", "ческая"])
        #expect(TextWrapper(width: 9).wrap("Kelishilgan") == ["Kelishil-", "gan"])
        #expect(TextWrapper(width: 10).wrap("Razılaşdırılmış") == ["Razılaşdı-", "rılmış"])
        // Uzbek oʻ gʻ and sh ch stay whole.
        #expect(TextWrapper(width: 6).wrap("Oʻzbekiston") == ["Oʻzbe-", "kiston"])
        #expect(TextWrapper(width: 6).wrap("Toshkent") == ["Tosh-", "kent"])
    }

    @Test func chartBarsScaleAndFit() {
        let text = render(.english, width: 60)
        let lines = text.split(separator: "\n").map(String.init)
        let energy = lines.first { $0.hasPrefix("Energy") && $0.contains("█") }!
        let transport = lines.first { $0.hasPrefix("Transport") && $0.contains("$") }!
        #expect(energy.filter { $0 == "█" }.count > 30)
        #expect(!transport.contains("██"))
        #expect(energy.hasSuffix("$2,134,567,890"))
    }

    @Test(arguments: [40, 78])
    func aChartOfTwoSeriesNamesThemOnePerLine(_ width: Int) {
        var document = Fixtures.document(.english)
        document.blocks = [.chart(ChartBlock(id: "flows", kind: .line, title: "Exports and imports", categoryAxisTitle: "Year",
                                             valueAxisTitle: "", categories: ["2021", "2022"],
                                             series: [ChartSeries(name: "Exports", values: [44, 53]),
                                                      ChartSeries(name: "Imports", values: [31, 0])],
                                             source: nil))]
        let lines = render(.english, width: width, document: document).split(separator: "\n").map(String.init)
        let chart = Array(lines.drop { $0 != "Exports and imports" }.dropFirst().prefix(4))
        #expect(chart.count == 4)
        if width == 78 {
            #expect(chart[0].hasPrefix("2021 Exports █") && chart[0].hasSuffix(" 44"))
            #expect(chart[1].hasPrefix("     Imports █") && chart[1].hasSuffix(" 31"))
            #expect(chart[2].hasPrefix("2022 Exports ██") && chart[2].hasSuffix(" 53"))
            #expect(chart[3].hasPrefix("     Imports") && !chart[3].contains("█") && chart[3].hasSuffix(" 0"))
            // Bars on one scale: the largest value fills the bar, the others in proportion.
            let bars = chart.map { $0.filter { $0 == "█" }.count }
            #expect(bars[2] > bars[0] && bars[0] > bars[1])
        }
        for line in lines { #expect(DisplayWidth.of(line) <= width) }
    }

    @Test(arguments: [LanguageTag.english, .russian])
    func goldens(_ language: LanguageTag) {
        assertGolden(render(language, width: 78), named: "portfolio.\(language.tag).78.txt")
        assertGolden(render(language, width: 40), named: "portfolio.\(language.tag).40.txt")
    }
}
