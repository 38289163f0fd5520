import Foundation
import Testing
import HamkorCore
@testable import HamkorRegisters

/// Bad registers and profiles: every problem names the file, sheet and cell (or profile line).
@Suite struct RegisterErrorTests {
    typealias S = RegisterTestSupport

    private func messages(_ workbook: String, _ profile: String) throws -> [String] {
        let url = try S.withProfile(workbook, profile)
        return try S.read(url).1.map { $0.description.replacingOccurrences(of: url.deletingLastPathComponent().path + "/", with: "") }
    }

    @Test func cellErrorsNameTheSheetAndCell() throws {
        // Reading the Uzbek register's value column as endYear: text that is not a year, at its cell.
        let found = try messages("uz-projects.xlsx", """
            records: projects
            sheet: Loyihalar
            header: 3
            columns:
              id: Loyiha kodi
              name.en: Loyiha nomi (inglizcha)
              sector: Tarmoq
              status: Holati
              value: {header: Holati}
              currency: {value: USD}
            end: Jami
            """)
        #expect(found.first == "uz-projects.xlsx:Loyihalar!I4: error: value: expected a number, found 'Amalga oshirilmoqda'")
        #expect(found.count == 4, "\(found)")
    }

    @Test func unknownNamesAreReportedWithTheRuleMessage() throws {
        let found = try messages("uz-projects.xlsx", """
            records: projects
            sheet: Loyihalar
            header: 3
            columns:
              id: Loyiha kodi
              name.en: Loyiha nomi (inglizcha)
              sector: Loyiha nomi
              status: Holati
            """)
        #expect(found.first?.hasPrefix("uz-projects.xlsx:Loyihalar!E4: error: sector: unknown sector code 'Fargʻonada paxta ipi fabrikasi'") == true)
    }

    @Test func aMissingHeaderListsTheHeadersThere() throws {
        let found = try messages("uz-projects.xlsx", """
            records: projects
            header: 3
            columns:
              id: Project code
              name.en: Loyiha nomi (inglizcha)
              sector: Tarmoq
              status: Holati
            """)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("uz-projects.xlsx:Loyihalar!A3: error: id: no column is headed 'Project code' in row 3 (headers: A 'T/r', B 'Loyiha kodi'") == true)
        // The hidden column C is not offered.
        #expect(found.first?.contains("Ichki raqam") == false)
    }

    @Test func anAmbiguousSubHeaderAsksForTheFullHeader() throws {
        let found = try messages("ru-projects.xlsx", """
            records: projects
            header: {row: 4, rows: 2}
            columns:
              id: Код проекта
              name.en: на английском
              sector: Отрасль
              status: Статус
              startYear: [начало, на русском]
            """)
        #expect(found == ["ru-projects.xlsx:Лист1!A5: error: startYear: the header 'начало' or 'на русском' matches columns G and O; write the full header, 'Group / Sub'"])
    }

    @Test func profileErrorsAreLocatedInTheProfile() throws {
        let found = try messages("uz-projects.xlsx", """
            records: contracts
            header: {row: 0}
            columns: {id: A}
            """)
        #expect(found.contains("uz-projects.profile.yaml:1:10: error: records: a register holds one record kind: projects, agreements, twinCities, events, exchanges, honours or trade, not 'contracts'"))
        #expect(found.contains { $0.hasPrefix("uz-projects.profile.yaml:2:15: error: header.row: 0 is out of range") })
    }

    @Test func aWorkbookWithoutAProfileSaysHowToGiveOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hamkor-reg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("register.xlsx")
        try FileManager.default.copyItem(at: S.fixture("uz-projects.xlsx"), to: copy)
        let problems = try S.read(copy).1
        #expect(problems.map(\.message) == ["no import profile: give --profile FILE, or put register.profile.yaml beside the workbook (see docs/DATA.md)"])
    }

    @Test func aCSVFileNamedXLSXIsADataErrorAtTheFile() throws {
        let url = try S.withProfile("uz-projects.xlsx", "records: projects\ncolumns: {id: A, name.en: B, sector: C, status: D}\n")
        try Data("id,name\n1,2\n".utf8).write(to: url)
        let problems = try S.read(url).1
        #expect(problems.count == 1 && problems[0].message.contains("perhaps CSV"))
    }
}
