import Foundation
import Testing
@testable import HamkorCore
import HamkorLocalization

/// Rows filled into the columns straight from their bytes are the rows `FlatRecordReader` reads:
/// random project tables, good rows and rows breaking every rule, read both ways.
@Suite struct ProjectRowFillerTests {
    typealias Random = SplitMix

    /// Values of each column, good and bad: padding (ASCII and no-break spaces), tabs, controls,
    /// bidirectional controls, line breaks, wrong codes, signs, exponents, grouping, too many
    /// digits, years out of range or not plain, non-ASCII text, quotes. With `screened`, none
    /// of the characters a text field refuses but line breaks: the values of a file whose check
    /// found none (see `SourceText.check(_:file:mayHoldRefused:)`).
    static func values(_ sectors: [String], screened: Bool = false) -> [String: [String]] {
        let all = [
            "id": ["p-1", "p-2", "p-3", "bad id!", "", " p-4", ".x", "p\u{202E}5", "Проект-6"],
            "name": ["Project", "", " padded", "Name\u{00A0}", "tab\there", "Oʻzbek ‘loyiha’", "x\u{0007}y", "He said \"hi\"", "a,b"],
            "name.en": ["Solar plant", "", "Cotton\u{2003}", "Data centre", "x\u{FFFE}", "ok", "\"quoted\"", "two\nlines"],
            "name.ru": ["Солнечная станция", "", " Хлопок", "ok\tno", "Итоги…", "x\u{2067}y", "a\u{0085}b", "\u{3000}Хлопок",
                        "две\r\nстроки"],
            "name.uz": ["Quyosh stansiyasi oʻ", "", "Paxta gʻ "],
            "partners": ["UZ", "UZ|AZ", "UZ AZ", "", "XX", "uz", "UZ||AZ", " UZ", "UZ|", "TR|UZ|AZ", "Ўз"],
            "sector": sectors + ["", "unknown", " \(sectors[0])", sectors[0].uppercased()],
            "places": ["UZ-TK", "UZ-TK|AZ-BA", "", "Ташкент", "UZ-SA AZ-BA", "UZ-TK\t", "|UZ-TK"],
            "value": ["1000", "1200.50", "0", "0.00", "-5", "+5", "1e5", "1,000", "abc", "", "123456789012345678901234",
                      "9999999999999999999", "99999999999999999999", ".5", "5.", "-0", " 7", "450000000", "12.345"],
            "currency": ["USD", "USD", "", "usd", "XXX", "EUR", "UZS", " USD"],
            "status": ProjectStatus.allCases.map(\.rawValue) + ["", "done", "Agreed", " agreed"],
            "startYear": ["2020", "", "1899", "20x0", "02020", "2101", "1900", "+2020", "2024"],
            "endYear": ["2025", "", "2019", "2100", "2030", "abc"],
            "source": ["Ministry", "", "Пресса", " padded", "Ministry", "tab\tsource", "a\rb"],
            "illustrative": ["true", "FALSE", "yes", "0", "", "maybe", "No", " true"],
        ]
        guard screened else { return all }
        return all.mapValues { pool in
            pool.filter { value in
                !value.unicodeScalars.contains { scalar in
                    scalar != "\n" && scalar != "\r" && (TextSafety.isForbiddenControl(scalar) || scalar == "\t")
                }
            }
        }
    }

    /// A random project table: a header of known columns in random order (sometimes without the
    /// optional ones, sometimes `name` for `name.en`), rows of good and bad values, some quoted.
    static func table(_ random: inout Random, sectors: [String], screened: Bool = false) -> String {
        let values = values(sectors, screened: screened)
        var columns = ["id", "sector", "status", Bool.random(using: &random) ? "name.en" : "name"]
        for optional in ["name.ru", "name.uz", "partners", "places", "value", "currency", "startYear", "endYear", "source", "illustrative"]
        where Int.random(in: 0..<5, using: &random) > 0 {
            columns.append(optional)
        }
        columns.shuffle(using: &random)
        func field(_ text: String) -> String {
            let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            return needsQuotes || Int.random(in: 0..<6, using: &random) == 0 ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var lines = [columns.joined(separator: ",")]
        for _ in 0..<Int.random(in: 0...60, using: &random) {
            var row: [String] = columns.map { column in
                let pool = values[column == "name.en" ? (Bool.random(using: &random) ? "name.en" : "name") : column]!
                // Mostly the first, good values, so most rows are valid and some are not.
                let index = Int.random(in: 0..<4, using: &random) == 0 ? Int.random(in: 0..<pool.count, using: &random)
                    : Int.random(in: 0..<min(2, pool.count), using: &random)
                return field(pool[index])
            }
            if Int.random(in: 0..<40, using: &random) == 0 { row.removeLast() }
            lines.append(row.joined(separator: ","))
        }
        return lines.joined(separator: Bool.random(using: &random) ? "\n" : "\r\n") + "\n"
    }

    /// The projects (with each amount's stored form and the code table) and the problems of a
    /// table, read as a load reads it: the file, then the dataset checks (duplicate ids).
    static func read(_ text: String, fillsColumns: Bool) -> (projects: ProjectColumns, forms: [String], codes: [String], problems: [DataProblem]) {
        let problems = ProblemList()
        let dataset = ProjectCSVReader.$fillsColumns.withValue(fillsColumns) {
            ProjectCSVReader(file: "random.csv", vocabulary: TestSupport.vocabulary, problems: problems).read(text)
        }
        DatasetValidator(problems: problems, checksReferences: false).validate(dataset)
        return (dataset.projects, dataset.projects.map(ProjectColumnsTests.form), dataset.projects.codes, problems.problems)
    }

    /// ``read(_:fillsColumns:)`` of a table as a file is read: its bytes checked, and the rows
    /// filled with the check's verdict on refused characters. `nil` when the check refuses the file.
    static func readChecked(_ text: String) -> (projects: ProjectColumns, forms: [String], codes: [String], problems: [DataProblem],
                                                 screened: Bool)? {
        let problems = ProblemList()
        var text = text
        let read: (Dataset, Bool)? = text.withUTF8 { bytes in
            try? SourceText.withCheckedBytes(bytes, file: "random.csv") { bytes, mayHoldRefused in
                (ProjectCSVReader(file: "random.csv", vocabulary: TestSupport.vocabulary, problems: problems)
                    .read(bytes: bytes, screened: !mayHoldRefused), !mayHoldRefused)
            }
        }
        guard let (dataset, screened) = read else { return nil }
        DatasetValidator(problems: problems, checksReferences: false).validate(dataset)
        return (dataset.projects, dataset.projects.map(ProjectColumnsTests.form), dataset.projects.codes, problems.problems, screened)
    }

    /// How many rows of a table the filler takes itself (the rest go to the reader).
    static func filledRows(_ text: String) throws -> Int {
        var filler: ProjectRowFiller?
        var columns = ProjectColumns(), filled = 0, fieldCount = 0
        try CSVTableReader().parseBytes(text) { record in
            if filler == nil {
                let names = record.fields.map { String(decoding: $0, as: UTF8.self) }
                fieldCount = names.count
                filler = ProjectRowFiller(file: "random.csv", columns: Dictionary(uniqueKeysWithValues: zip(names, names.indices)),
                                          vocabulary: TestSupport.vocabulary)
            } else if record.fields.count == fieldCount && filler!.fill(record, into: &columns) {
                filled += 1
            }
        }
        return filled
    }

    @Test func filledRowsAreTheReadersProjectsWithTheSameProblems() throws {
        var random = Random(seed: 1919)
        let sectors = TestSupport.vocabulary.codes(.sectors)
        var filled = 0, total = 0
        for _ in 0..<150 {
            let text = Self.table(&random, sectors: sectors)
            let fast = Self.read(text, fillsColumns: true), reference = Self.read(text, fillsColumns: false)
            #expect(fast.projects == reference.projects, "\(text)")
            #expect(fast.forms == reference.forms)
            #expect(fast.codes == reference.codes)
            #expect(fast.problems == reference.problems, "\(text)")
            filled += try Self.filledRows(text)
            total += text.split(whereSeparator: \.isNewline).count - 1
        }
        // The tables hold both kinds of rows: rows the filler takes and rows it leaves to the reader.
        #expect(filled > 100 && filled < total, "\(filled) of \(total)")
    }

    /// A file the check finds free of refused characters but line breaks has its texts searched
    /// only in records with a line break in a quoted field: the same projects and problems as the
    /// reader's, line breaks in names, sources and padding included.
    @Test func screenedFilesGiveTheReadersProjectsWithTheSameProblems() throws {
        var random = Random(seed: 2025)
        let sectors = TestSupport.vocabulary.codes(.sectors)
        var screened = 0, breaks = 0
        for _ in 0..<150 {
            let text = Self.table(&random, sectors: sectors, screened: true)
            let fast = try #require(Self.readChecked(text), "\(text)")
            let reference = Self.read(text, fillsColumns: false)
            #expect(fast.projects == reference.projects, "\(text)")
            #expect(fast.forms == reference.forms)
            #expect(fast.codes == reference.codes)
            #expect(fast.problems == reference.problems, "\(text)")
            if fast.screened { screened += 1 }
            if text.contains("\"две") { breaks += 1 }
        }
        // Most files pass the screen (an ellipsis does not), and line breaks in names are read.
        #expect(screened > 75 && breaks > 10, "\(screened) screened, \(breaks) with line breaks")
    }
}
