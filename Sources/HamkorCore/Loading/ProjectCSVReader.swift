import Foundation
import HamkorLocalization

/// Reads a project table exported from a spreadsheet (header row of field names) into projects;
/// the columns are the fields of ``RecordSchema/projects``. A row that breaks no rule goes
/// straight from its bytes into the dataset's columns (``ProjectRowFiller``); any other row is
/// read by ``FlatRecordReader``, which reports its problems.
struct ProjectCSVReader {
    let file: String
    let vocabulary: Vocabulary
    let problems: ProblemList
    /// The languages whose names are kept (English always), `nil` for all; names in others are
    /// checked as usual, then dropped.
    var languages: Set<LanguageTag>? = nil

    private static let schema = RecordSchema.projects
    private static let columns: Set<String> = Set(schema.names)

    /// Whether rows that break no rule are filled into the columns straight from their bytes;
    /// false reads every row through ``FlatRecordReader`` (the reference the tests compare with).
    @TaskLocal static var fillsColumns = true

    /// The projects of one CSV file. Records are read as they are parsed (see
    /// `CSVTableReader.parseBytes(_:each:)`); a syntax error anywhere in the file drops the file's
    /// projects and is reported beside any row problems found before it.
    func read(_ text: String) -> Dataset {
        var text = text
        return text.withUTF8 { read(bytes: $0) }
    }

    /// ``read(_:)`` on the file's UTF-8 bytes (checked by ``SourceText``), without a `String`
    /// of the whole file. `screened`: the check found none of the characters a text field
    /// refuses besides line breaks (see ``SourceText/check(_:file:mayHoldRefused:)``).
    func read(bytes text: UnsafeBufferPointer<UInt8>, screened: Bool = false) -> Dataset {
        var dataset = Dataset()
        dataset.files = [file]
        var fieldCount = 0
        var layout: FlatRecord.Layout?
        var indexes: [Int] = []
        var filler: ProjectRowFiller?
        var readsRows = false
        let rows = FlatRecordReader(vocabulary: vocabulary, problems: problems)
        let fillsColumns = Self.fillsColumns
        var projects = languages.map { ProjectColumns(keeping: $0) } ?? ProjectColumns()
        do {
            try CSVTableReader(delimiter: CSVTableReader.detectDelimiter(in: text)).parseBytes(text) { record in
                guard let layout else {
                    let header = CSVTableReader.Record(line: record.line, fields: record.fields.map { String(decoding: $0, as: UTF8.self) })
                    fieldCount = header.fields.count
                    let columnIndex = readHeader(header)
                    let known = columnIndex.sorted { $0.value < $1.value }
                    indexes = known.map(\.value)
                    let file = file, columns = indexes
                    layout = FlatRecord.Layout(names: known.map(\.key)) { _, line, slot in
                        SourceLocation(file: file, line: line, column: columns[slot] + 1)
                    }
                    readsRows = problems.isEmpty
                    if fillsColumns { filler = ProjectRowFiller(file: file, columns: columnIndex, vocabulary: vocabulary, screened: screened) }
                    return
                }
                guard readsRows else { return }
                if record.fields.count != fieldCount {
                    problems.add(SourceLocation(file: file, line: record.line, column: 1), field: nil,
                                 "row has \(record.fields.count) fields, the header has \(fieldCount)")
                    return
                }
                if filler?.fill(record, into: &projects) == true { return }
                if let project = rows.project(flat(record, layout, indexes)) { projects.append(project) }
            }
            dataset.projects = projects
        } catch {
            problems.add(SourceLocation(file: file, line: error.line, column: error.column), field: nil, error.message)
            dataset.projects = []
        }
        return dataset
    }

    /// One CSV record as a flat record of the known columns, located at their line and column.
    private func flat(_ record: CSVRecordBytes, _ layout: FlatRecord.Layout, _ indexes: [Int]) -> FlatRecord {
        FlatRecord(layout: layout, texts: indexes.map { String(decoding: record.fields[$0], as: UTF8.self) }, row: record.line,
                   location: SourceLocation(file: file, line: record.line, column: 1))
    }

    /// The column of each known field name in the header, reporting unknown, repeated and missing columns.
    private func readHeader(_ header: CSVTableReader.Record) -> [String: Int] {
        var columnIndex: [String: Int] = [:]
        for (index, raw) in header.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            guard Self.columns.contains(name) else {
                problems.add(SourceLocation(file: file, line: header.line, column: index + 1), field: name,
                             "unknown column '\(TerminalText.excerpt(name, 40))' (known: \(Self.columns.sorted().joined(separator: ", ")))")
                continue
            }
            if columnIndex[name] != nil {
                problems.add(SourceLocation(file: file, line: header.line, column: index + 1), field: name, "column appears twice")
            }
            columnIndex[name] = index
        }
        for required in Self.schema.columns where required.isRequired && columnIndex[required.name] == nil {
            problems.add(SourceLocation(file: file, line: header.line, column: 1), field: required.name, "required column is missing")
        }
        if let plain = columnIndex["name"], columnIndex["name.en"] != nil {
            // `name` stands for `name.en`: with both, one would silently win.
            problems.add(SourceLocation(file: file, line: header.line, column: plain + 1), field: "name",
                         "columns 'name' and 'name.en' both give the English name; keep one of them")
        }
        if columnIndex["name"] == nil && columnIndex["name.en"] == nil {
            problems.add(SourceLocation(file: file, line: header.line, column: 1), field: "name.en", "required column is missing")
        }
        return columnIndex
    }
}
