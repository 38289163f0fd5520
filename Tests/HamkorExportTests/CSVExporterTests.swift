import Foundation
import HamkorCore
import HamkorLocalization
import Testing
@testable import HamkorExport

@Suite("CSV exporter")
struct CSVExporterTests {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    private func excel(_ language: LanguageTag, document: ReportDocument? = nil) throws -> (bytes: [UInt8], records: [[String]]) {
        let document = document ?? Fixtures.document(language)
        let bytes = try CSVExporter(configuration: .excel).render(document, context: Fixtures.context(language))
        let delimiter: Character = language == .english ? "," : ";"
        let records = try StrictCSVReader(delimiter: delimiter, lineEnding: "\r\n").parse(text(Array(bytes.dropFirst(3))))
        return (bytes, records)
    }

    private func data(_ language: LanguageTag, lineEnding: CSVConfiguration.LineEnding? = nil) throws -> (bytes: [UInt8], records: [[String]]) {
        let bytes = try CSVExporter(configuration: CSVConfiguration(dialect: .data, lineEnding: lineEnding))
            .render(Fixtures.document(language), context: Fixtures.context(language))
        let records = try StrictCSVReader(delimiter: ",", lineEnding: lineEnding == .crlf ? "\r\n" : "\n").parse(text(bytes))
        return (bytes, records)
    }

    @Test func excelDialectRussian() throws {
        let (bytes, records) = try excel(.russian)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(!text(bytes).replacingOccurrences(of: "\r\n", with: "").contains("\n") || text(bytes).contains("\"Says"))
        #expect(records[0] == Fixtures.russian.headers.enumerated().map { $0.offset == 4 ? "Стоимость (USD)" : $0.element })
        let first = records[1]
        #expect(first[0] == "UZ-AZ-001")
        #expect(first[1] == "Энергетика")
        #expect(first[2] == "Узбекистан")
        #expect(first[3] == "12")
        #expect(first[4] == "2134567890")
        #expect(first[5] == "25,3\u{00A0}%")  // as ICU and the text output write it
        #expect(first[6] == "1,50")
        #expect(first[7] == "23.08.2024")
        #expect(first[8] == "2019")
        #expect(first[9] == Fixtures.russian.paragraph)
        #expect(records[2][4] == "1500000,5")
        #expect(records[2][6] == "-0,12")  // half to even, as ICU shows it
        #expect(records[2][9] == "Says \"hello\"; then, a comma\nand a new line")
        #expect(records[3][3] == "-5")
        #expect(records[3][4] == "-5")
        #expect(records[3][6] == "12345,68")
        #expect(records[4] == ["Итого", "", "", "14", "2136067885,5", "100,0\u{00A0}%", "", "", "", ""])
        // Notes after one empty line.
        #expect(records[5] == [])
        #expect(records[6] == [Fixtures.russian.note])
        #expect(records[7] == [Fixtures.russian.labels.sampleData])
        #expect(records[8] == [Fixtures.russian.labels.illustrativeNote])
    }

    @Test func excelDialectEnglish() throws {
        let (bytes, records) = try excel(.english)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(records[1][5] == "25.3%")
        #expect(records[1][6] == "1.50")
        #expect(records[1][7] == "2024-08-23")  // English tables use ISO dates
        #expect(records[2][4] == "1500000.5")
        #expect(records[4][0] == "Total")
        #expect(records.allSatisfy { $0.isEmpty || $0.count == 1 || $0.count == 10 })
    }

    @Test(arguments: [LanguageTag.uzbekLatin, .uzbekCyrillic, .azerbaijani])
    func excelDelimiterFollowsDecimalMark(_ language: LanguageTag) throws {
        let bytes = try CSVExporter().render(Fixtures.document(.english), context: Fixtures.context(language))
        let records = try StrictCSVReader(delimiter: ";", lineEnding: "\r\n").parse(text(Array(bytes.dropFirst(3))))
        #expect(records[1][5] == "25,3%")
        #expect(records[1].count == 10)
    }

    @Test func dataDialect() throws {
        let (bytes, records) = try data(.russian)
        #expect(bytes.first != 0xEF)
        #expect(!text(bytes).contains("\r\n"))
        // The fixture is sample data: every record ends with sample_data = true.
        #expect(records[0] == Fixtures.columnIDs + ["sample_data"])
        #expect(records[1] == ["UZ-AZ-001", "energy", "UZ", "12", "2134567890", "0.253", "1.50", "2024-08-23", "2019",
                               Fixtures.russian.paragraph, "true"])
        #expect(records[2][5] == "0.600")
        #expect(records[4] == ["Итого", "", "", "14", "2136067885.5", "1.000", "", "", "", "", "true"])
        #expect(records.count == 5)  // no notes in the data dialect
    }

    @Test func dataDialectHeadersAreTheSameInEveryLanguage() throws {
        let english = try data(.english).records
        let russian = try data(.russian).records
        #expect(english[0] == russian[0])
        #expect(english[1][0..<9] == russian[1][0..<9])
    }

    @Test func dataDialectCRLF() throws {
        let (bytes, records) = try data(.english, lineEnding: .crlf)
        #expect(text(bytes).hasSuffix("\r\n"))
        #expect(records.count == 5)
    }

    @Test func forceQuote() throws {
        let bytes = try CSVExporter(configuration: CSVConfiguration(dialect: .data, forceQuote: true))
            .render(Fixtures.document(.english), context: Fixtures.context(.english))
        #expect(text(bytes).hasPrefix("\"project\",\"sector\""))
        let records = try StrictCSVReader(delimiter: ",", lineEnding: "\n").parse(text(bytes))
        #expect(records[1][3] == "12")
    }

    @Test(arguments: [CSVConfiguration.excel, .data, CSVConfiguration(dialect: .data, forceQuote: true)])
    func formulaInjectionIsNeutralised(_ configuration: CSVConfiguration) throws {
        let document = Fixtures.document(.russian, tables: [Fixtures.injectionTable()])
        let bytes = try CSVExporter(configuration: configuration).render(document, context: Fixtures.context(.russian))
        let body = configuration.dialect == .excel ? Array(bytes.dropFirst(3)) : bytes
        let records = try StrictCSVReader(delimiter: configuration.dialect == .excel ? ";" : ",",
                                          lineEnding: configuration.dialect == .excel ? "\r\n" : "\n").parse(text(body))
        if configuration.dialect == .excel { #expect(records[0][0] == "'=Payload") }
        for (index, payload) in Fixtures.injections.enumerated() {
            let record = records[index + 1]
            #expect(record[0] == "'" + payload)
            if configuration.dialect == .excel { #expect(record[1] == "'" + payload) } else { #expect(record[1] == "x") }
            #expect(record[2] == "-5")
            #expect(record[3] == "-5")
        }
    }

    @Test func neutralizerRule() {
        for payload in Fixtures.injections { #expect(FormulaNeutralizer.needsNeutralizing(payload)) }
        #expect(FormulaNeutralizer.neutralize("-1+2") == "'-1+2")
        #expect(FormulaNeutralizer.neutralize("Energy") == "Energy")
        #expect(FormulaNeutralizer.neutralize("") == "")
    }

    @Test func multipleTablesGoToSiblingFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hamkor-csv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = Fixtures.document(.english, tables: [Fixtures.table(Fixtures.english), Fixtures.injectionTable()])
        let target = folder.appendingPathComponent("portfolio.en.csv")
        let files = try CSVExporter().export(document, context: Fixtures.context(.english), to: .file(target))
        #expect(files.map(\.url.lastPathComponent) == ["portfolio.en.by-sector.csv", "portfolio.en.injections.csv"])
        #expect(!FileManager.default.fileExists(atPath: target.path))
        for file in files {
            let contents = try Data(contentsOf: file.url)
            #expect(contents.count == file.bytes)
            #expect(Array(contents.prefix(3)) == [0xEF, 0xBB, 0xBF])
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!leftovers.contains { $0.contains(AtomicFileWriter.temporaryMarker) })
    }

    @Test func singleTableGoesToTheTargetPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hamkor-csv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("out.csv")
        let exporter = CSVExporter(configuration: .data)
        let files = try exporter.export(Fixtures.document(.russian), context: Fixtures.context(.russian), to: .file(target))
        #expect(files.map(\.url) == [target])
        #expect(try Data(contentsOf: target) == Data(try exporter.render(Fixtures.document(.russian), context: Fixtures.context(.russian))))
    }

    @Test func tableSelection() throws {
        let document = Fixtures.document(.english, tables: [Fixtures.table(Fixtures.english), Fixtures.injectionTable()])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hamkor-csv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("portfolio.csv")
        let files = try CSVExporter().export(document, context: Fixtures.context(.english, tableID: "injections"), to: .file(target))
        #expect(files.map(\.url) == [target])
        #expect(throws: ExportError.unknownTable("nope", known: ["by-sector", "injections"])) {
            try CSVExporter().export(document, context: Fixtures.context(.english, tableID: "nope"), to: .file(target))
        }
    }

    @Test func severalTablesOnOneStreamAreSeparatedByOneEmptyLine() throws {
        let document = Fixtures.document(.english, tables: [Fixtures.injectionTable(), Fixtures.injectionTable()])
        let bytes = try CSVExporter(configuration: .data).render(document, context: Fixtures.context(.english))
        let records = try StrictCSVReader(delimiter: ",", lineEnding: "\n").parse(text(bytes))
        #expect(records.count == 2 * (Fixtures.injections.count + 1) + 1)
        #expect(records[Fixtures.injections.count + 1] == [])
        #expect(records[Fixtures.injections.count + 2] == ["payload", "code", "amount", "count", "sample_data"])
    }

    /// A table far larger than the flush threshold is drained in pieces and still reads back as
    /// a clean rectangle, in both dialects, with every kind of cell, ragged rows and a
    /// multi-currency column.
    @Test(arguments: [CSVConfiguration.excel, .data])
    func largeTableDrainsInPiecesAndReadsBack(_ configuration: CSVConfiguration) throws {
        let columns = [TableColumn(id: "name", header: "Name", type: .text),
                       TableColumn(id: "sector", header: "Sector", type: .code),
                       TableColumn(id: "value", header: "Value", type: .money(currency: nil)),
                       TableColumn(id: "share", header: "Share", type: .percent(fractionDigits: 1)),
                       TableColumn(id: "signed", header: "Signed", type: .date),
                       TableColumn(id: "year", header: "Year", type: .year)]
        let names = ["Plain", "Comma, inside", "Quote \"q\"", "=SUM(A1)", "Line\nbreak", "Oʻzbekiston", "Ўзбекистон"]
        let rowCount = 25_000
        let rows: [[CellValue]] = (0..<rowCount).map { index in
            let row: [CellValue] = [.text("\(names[index % names.count]) \(index)"),
                                    .coded(code: "energy", label: index % 3 == 0 ? "Energy; power" : "Energy"),
                                    .money(Money(amount: Decimal(index) / 4, currency: index % 5 == 0 ? "AZN" : "USD")),
                                    .percent(Decimal(index % 1000) / 1000),
                                    .date(CivilDate(year: 2024, month: 8, day: 1 + index % 28)!),
                                    .year(2000 + index % 30)]
            return index % 11 == 0 ? Array(row.prefix(3)) : row
        }
        let table = TableBlock(id: "big", title: "Big", shortTitle: "Big", columns: columns, rows: rows)
        var document = Fixtures.document(.russian, tables: [table])
        document.isSampleData = false
        let encoder = CSVTableEncoder(configuration: configuration, locale: Fixtures.context(.russian).locale)
        var buffer = ByteBuffer()
        var bytes: [UInt8] = []
        var drains: [Int] = []
        try encoder.encode(table, document: document, into: &buffer) { drained in
            drains.append(drained.count)
            drained.withBytes { bytes.append(contentsOf: $0) }
            drained.removeAll()
        }
        #expect(drains.count > 10)
        #expect(drains.allSatisfy { $0 < CSVTableEncoder.flushThreshold + 4_096 })
        let delimiter: Character = configuration.dialect == .excel ? ";" : ","
        let lineEnding = configuration.effectiveLineEnding == .crlf ? "\r\n" : "\n"
        let records = try StrictCSVReader(delimiter: delimiter, lineEnding: lineEnding).parse(text(bytes))
        let data = records.dropFirst().prefix(rowCount)
        #expect(data.count == rowCount)
        #expect(Set(records.prefix(rowCount + 1).map(\.count)) == [7])  // name, sector, value, its currency, share, signed, year
        #expect(data[data.startIndex + 3][0] == "'=SUM(A1) 3")
        #expect(data[data.startIndex + 4][0] == "Line\nbreak 4")
        #expect(data[data.startIndex + 11][4] == "")  // a short row's missing cells are empty fields
        #expect(data[data.startIndex + 24_995][0] == "Oʻzbekiston 24995")
    }

    @Test func mixedCurrencyColumnGetsACodeColumn() throws {
        let table = TableBlock(id: "t", title: "T", shortTitle: "T",
                               columns: [TableColumn(id: "value", header: "Value", type: .money(currency: nil))],
                               rows: [[.money(Money(amount: 10, currency: "USD"))], [.money(Money(amount: 2, currency: "AZN"))]])
        var document = Fixtures.document(.english, tables: [table])
        document.isSampleData = false  // real data: no sample_data column
        let bytes = try CSVExporter(configuration: .data).render(document, context: Fixtures.context(.english))
        #expect(text(bytes) == "value,value_currency\n10,USD\n2,AZN\n")
        document.isSampleData = true
        let sample = try CSVExporter(configuration: .data).render(document, context: Fixtures.context(.english))
        #expect(text(sample) == "value,value_currency,sample_data\n10,USD,true\n2,AZN,true\n")
    }

    @Test func machineNumbers() {
        #expect(MachineNumber.layoutVerified)
        #expect(MachineNumber.string(Decimal(string: "0.253")!, shift: 2, fractionDigits: 1) == "25.3")
        #expect(MachineNumber.string(Decimal(string: "0.0005")!, fractionDigits: 3) == "0.000")
        #expect(MachineNumber.string(Decimal(string: "0.0015")!, fractionDigits: 3) == "0.002")
        #expect(MachineNumber.string(Decimal(string: "-0.001")!, fractionDigits: 2) == "0.00")
        #expect(MachineNumber.string(Decimal(string: "1e3")!, fractionDigits: 2) == "1000.00")
        #expect(MachineNumber.string(Decimal(string: "1e3")!, fractionDigits: nil) == "1000")
        #expect(MachineNumber.string(Decimal(string: "12.500")!, fractionDigits: nil) == "12.5")
        #expect(MachineNumber.string(Decimal(string: "123456789012345678901234567890.5")!, fractionDigits: 0)
                == "123456789012345678901234567890")
        var bytes = ByteBuffer(capacity: 8)
        MachineNumber.append(Int.min, to: &bytes)
        MachineNumber.append(-7, to: &bytes)
        #expect(bytes.withBytes { String(decoding: $0, as: UTF8.self) } == String(Int.min) + "-7")
    }

    @Test(arguments: [LanguageTag.english, .russian])
    func goldens(_ language: LanguageTag) throws {
        let document = Fixtures.document(language)
        assertGolden(try CSVExporter(configuration: .excel).render(document, context: Fixtures.context(language)),
                     named: "portfolio.\(language.tag).excel.csv")
        assertGolden(try CSVExporter(configuration: .data).render(document, context: Fixtures.context(language)),
                     named: "portfolio.\(language.tag).data.csv")
    }
}

/// `DecimalConversion` agrees with Foundation on the values reports hold.
@Suite struct DecimalConversionTests {
    @Test(arguments: ["0", "1", "-1", "0.1", "0.253", "1234567.25", "2100000000", "-0.0001", "1500000.5",
                      "123456789012345.67", "99999999999999999999", "0.000000000000000000000001", "1e30"])
    func doublesAreCorrectlyRounded(_ text: String) throws {
        let value = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        // Within the fast path (significand < 2^53, exponent within ±22) the result is the
        // correctly rounded double, as Swift's own parser gives; beyond it, Foundation's.
        let fast = ["99999999999999999999", "0.000000000000000000000001", "1e30"].contains(text) == false
        #expect(DecimalConversion.double(value) == (fast ? Double(text)! : NSDecimalNumber(decimal: value).doubleValue))
        var source = value, rounded = Decimal()
        NSDecimalRound(&rounded, &source, 0, .plain)
        #expect(DecimalConversion.isIntegral(value) == (rounded == value))
    }
}
