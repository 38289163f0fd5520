import Foundation
import Testing
import HamkorCore
@testable import HamkorRegisters

@Suite struct CellTextTests {
    @Test func numbersTypedAsTextInTheWaysPeopleTypeThem() throws {
        func read(_ text: String, _ mark: Character = ",") throws -> Decimal { try CellText.textDecimal(text, decimalMark: mark) }
        #expect(try read("1 234,5") == Decimal(string: "1234.5"))
        #expect(try read("1\u{00A0}234\u{00A0}567,25") == Decimal(string: "1234567.25"))
        #expect(try read("1.234,5") == Decimal(string: "1234.5"))
        #expect(try read("1,234.5") == Decimal(string: "1234.5"))
        #expect(try read("12 345 678") == 12_345_678)
        #expect(try read("1,5", ".") == 15)  // with '.' as the decimal mark, a lone ',' groups
        #expect(try read("1,234,567") == 1_234_567)
        #expect(throws: CellText.Failure.self) { try read("12abc") }
        #expect(throws: CellText.Failure.self) { try read("1e9") }
    }

    @Test func excelNumbersLoseTheirBinaryNoise() {
        #expect(CellText.excelDecimal("0.30000000000000004") == Decimal(string: "0.3"))
        #expect(CellText.excelDecimal("5100.25") == Decimal(string: "5100.25"))
        #expect(CellText.excelDecimal("1.5E+21") == Decimal(string: "1500000000000000000000"))
        #expect(CellText.excelDecimal("-0") == 0)
        #expect(CellText.excelDecimal("NaN") == nil)
    }

    @Test func unitsReadScaleAndCurrencyInEveryLanguage() {
        #expect(RegisterUnit("млн долл. США")?.multiplier == 1_000_000)
        #expect(RegisterUnit("млн долл. США")?.currency == "USD")
        #expect(RegisterUnit("ming AQSH dollari")?.multiplier == 1_000)
        #expect(RegisterUnit("ming AQSH dollari")?.currency == "USD")
        #expect(RegisterUnit("mlrd soʻm")?.multiplier == 1_000_000_000)
        #expect(RegisterUnit("mlrd soʻm")?.currency == "UZS")
        #expect(RegisterUnit("min manat")?.currency == "AZN")
        #expect(RegisterUnit("thousand USD")?.multiplier == 1_000)
        #expect(RegisterUnit("тыс. руб.")?.currency == "RUB")
        #expect(RegisterUnit("штук") == nil)
    }

    @Test func sectorAndStatusNamesInEveryLanguageMapToCodes() {
        let names = ValueNames(vocabulary: RegisterTestSupport.engine.vocabulary, catalogs: RegisterTestSupport.engine.catalogs)
        for name in ["Энергетика", "Energetika", "Energy", "энергетика ", "Енергетика", "Enerji", "Энергетика"] where names.code(name, in: .sectors) != nil {
            #expect(names.code(name, in: .sectors) == "energy")
        }
        #expect(names.code("Энергетика", in: .sectors) == "energy")
        #expect(names.code("Energetika", in: .sectors) == "energy")
        #expect(names.code("Energy", in: .sectors) == "energy")
        #expect(names.code("To'qimachilik sanoati", in: .sectors) == "textiles")  // a plain apostrophe for ʻ
        #expect(names.code("В стадии реализации", in: .statuses) == "under-implementation")
        #expect(names.country("Азербайджан") == "AZ")
        #expect(names.country("Ozarbayjon") == "AZ")
        #expect(names.country("Azərbaycan") == "AZ")
        #expect(names.country("Özbəkistan") == "UZ")
    }

    @Test func periodHeadersInTheUsualForms() {
        #expect(RegisterSheetReader.year(inHeader: "2021") == "2021")
        #expect(RegisterSheetReader.year(inHeader: "2023 г.") == "2023")
        #expect(RegisterSheetReader.year(inHeader: "2024-yil") == "2024")
        #expect(RegisterSheetReader.year(inHeader: "2024 год") == "2024")
        #expect(RegisterSheetReader.year(inHeader: "Примечание") == nil)
        #expect(RegisterSheetReader.year(inHeader: "20210") == nil)
        #expect(RegisterSheetReader.year(inHeader: "2021 план") == nil)
    }
}
