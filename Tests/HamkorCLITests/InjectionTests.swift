import Foundation
import HamkorCore
import Testing

/// Issue #9: spreadsheet formula injection (OWASP "CSV injection") through every text field.
///
/// Every text field of a dataset — project names in all five languages, project sources,
/// agreement titles, place names, honour titles and recipients, exchange and event titles,
/// the dataset title and sources, and the names in a CSV project table — holds a payload. Every
/// bundled report in every language is exported as CSV (both dialects) and XLSX; no CSV cell may
/// start with a formula trigger unless it is a number, and no XLSX cell written from data may be
/// a formula: the only `<f>` elements are Hamkor's own SUM/SUBTOTAL totals.
@Suite(.serialized) struct InjectionTests {
    /// (The leading-tab payload `\t=1` is refused at load now: names, titles and sources are one
    /// line without tabs, see HostileInputTests' `name-with-tab.yaml`.)
    static let payloads = [
        "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-1+1", "@SUM(1,1)", " =1",
        "=DDE(\"cmd\";\"/C calc\";\"!A0\")",
    ]
    static let reports = ["portfolio", "agreements", "twin-cities", "briefing"]
    static let languages = ["en", "uz", "uz-Cyrl", "az", "ru"]

    static func dataset() -> [String: Any] {
        func text(_ payload: String) -> [String: String] {
            Dictionary(uniqueKeysWithValues: languages.map { ($0, payload) })
        }
        let places: [[String: Any]] = payloads.enumerated().map { index, payload in
            ["code": "PL-\(index)", "country": index % 2 == 0 ? "UZ" : "AZ", "kind": "city", "name": text(payload)]
        }
        let projects: [[String: Any]] = payloads.enumerated().map { index, payload in
            ["id": "p\(index)", "name": text(payload), "partners": ["UZ", "AZ"], "sector": "energy",
             "places": ["PL-\(index)"], "value": ["amount": "\(1000 * (index + 1))", "currency": "USD"],
             "status": "agreed", "startYear": 2024, "source": payload]
        }
        let agreements: [[String: Any]] = payloads.enumerated().map { index, payload in
            ["id": "a\(index)", "title": text(payload), "area": "labour-migration", "level": "intergovernmental",
             "signed": "2024-08-22", "parties": ["UZ", "AZ"], "place": "PL-\(index)"]
        }
        let twins: [[String: Any]] = (0..<payloads.count - 1).map { index in
            ["id": "t\(index)", "cities": ["PL-\(index)", "PL-\(index + 1)"], "signed": "2024-08-22"]
        }
        let events: [[String: Any]] = payloads.enumerated().map { index, payload in
            ["id": "e\(index)", "kind": "forum", "title": text(payload), "date": "2024-08-22", "place": "PL-\(index)"]
        }
        let exchanges: [[String: Any]] = payloads.enumerated().map { index, payload in
            ["id": "x\(index)", "field": "arts", "title": text(payload), "year": 2024]
        }
        let honours: [[String: Any]] = payloads.enumerated().map { index, payload in
            ["id": "h\(index)", "title": text(payload), "recipient": text(payload), "awardedBy": "AZ", "date": "2024-08-22"]
        }
        return [
            "dataset": ["title": text(payloads[1]), "partners": ["UZ", "AZ"], "sources": payloads.map { text($0) }],
            "places": places, "projects": projects, "agreements": agreements, "twinCities": twins,
            "events": events, "exchanges": exchanges, "honours": honours,
        ]
    }

    static func csvField(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Writes the JSON dataset and a CSV project table into `folder`.
    static func writeData(in folder: URL) throws {
        let json = try JSONSerialization.data(withJSONObject: dataset(), options: [.sortedKeys])
        try json.write(to: folder.appendingPathComponent("injection.json"))
        var csv = "id,name.en,name.uz,name.uz-Cyrl,name.az,name.ru,sector,status,places,value,currency\n"
        for (index, payload) in payloads.enumerated() where !payload.hasPrefix("\t") {
            let name = csvField(payload)
            csv += "c\(index),\(name),\(name),\(name),\(name),\(name),textiles,proposed,PL-\(index),\(500 + index),USD\n"
        }
        try Data(csv.utf8).write(to: folder.appendingPathComponent("injection-projects.csv"))
    }

    static func isNumber(_ cell: String) -> Bool {
        var text = cell.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: "\u{202F}", with: "")
        if text.hasSuffix("%") { text.removeLast() }
        return Double(text.replacingOccurrences(of: ",", with: ".")) != nil
    }

    /// Every cell of every CSV under `folder` that a spreadsheet would evaluate.
    static func dangerousCSVCells(in folder: URL) throws -> [String] {
        var bad: [String] = []
        var checked = 0
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "csv" else { continue }
            var text = try String(contentsOf: url, encoding: .utf8)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let records = try CSVTableReader(delimiter: CSVTableReader.detectDelimiter(in: text)).parse(text)
            for record in records {
                for cell in record.fields {
                    checked += 1
                    guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { continue }
                    if !isNumber(cell) { bad.append("\(url.lastPathComponent):\(record.line): \(cell.debugDescription)") }
                }
            }
        }
        #expect(checked > 100, "only \(checked) CSV cells checked under \(folder.path)")
        return bad
    }

    static func unzip(_ file: URL, _ member: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", file.path, member]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func noPayloadBecomesAFormulaInAnyExport() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeData(in: folder)
        let validate = try CLIRunner.run(["validate", "--data", folder.path])
        #expect(validate.status == 0, "the injection dataset must load: \(validate.stderr)")

        // Excel-dialect CSV and XLSX for every report × language, through a batch.
        let job = folder.appendingPathComponent("job.yaml")
        try Data("""
            data: ["injection.json", "injection-projects.csv"]
            output: "{report}/{report}.{lang}.{format}"
            jobs:
              - name: injection
                reports: [\(Self.reports.joined(separator: ", "))]
                languages: [\(Self.languages.joined(separator: ", "))]
                formats: [csv, xlsx]

            """.utf8).write(to: job)
        let out = folder.appendingPathComponent("out")
        let batch = try CLIRunner.run(["batch", job.path, "--out", out.path, "--quiet"], timeout: 300)
        #expect(batch.status == 0, "\(batch.stderr)")

        // Data-dialect CSV, one report × language at a time.
        let dataOut = folder.appendingPathComponent("data-dialect")
        try FileManager.default.createDirectory(at: dataOut, withIntermediateDirectories: true)
        for report in Self.reports {
            for language in Self.languages {
                let result = try CLIRunner.run(["report", report, "--data", folder.appendingPathComponent("injection.json").path,
                                                "--data", folder.appendingPathComponent("injection-projects.csv").path,
                                                "--lang", language, "--format", "csv", "--csv-dialect", "data",
                                                "--output", dataOut.appendingPathComponent("\(report).\(language).csv").path])
                #expect(result.status == 0, "\(report) \(language): \(result.stderr)")
            }
        }

        let bad = try Self.dangerousCSVCells(in: out) + Self.dangerousCSVCells(in: dataOut)
        #expect(bad.isEmpty, "cells a spreadsheet would evaluate:\n\(bad.prefix(20).joined(separator: "\n"))")
        // The payloads did reach the files (neutralised, not dropped).
        let portfolio = try String(contentsOf: out.appendingPathComponent("portfolio/portfolio.en.projects.csv"), encoding: .utf8)
        #expect(portfolio.contains("'=cmd|' /C calc'!A0") && portfolio.contains("'@SUM(1,1)"))

        // XLSX: every formula is a Hamkor total; payload text lives only in strings.
        var workbooks = 0
        let markers = ["cmd", "HYPERLINK", "DDE", "1+1", "@SUM", "evil"]
        for report in Self.reports {
            for language in Self.languages {
                let file = out.appendingPathComponent("\(report)/\(report).\(language).xlsx")
                let sheets = try Self.unzip(file, "xl/worksheets/*.xml")
                let strings = try Self.unzip(file, "xl/sharedStrings.xml")
                #expect(!sheets.isEmpty, "\(file.lastPathComponent) has no sheets")
                workbooks += 1
                let formulas = sheets.matches(of: /<f(?:\s[^>]*)?>([^<]*)<\/f>/).map { String($0.output.1) }
                for formula in formulas {
                    #expect(formula.hasPrefix("SUBTOTAL(") || formula.hasPrefix("SUM("), "\(file.lastPathComponent): unexpected formula \(formula)")
                    for marker in markers { #expect(!formula.contains(marker), "\(file.lastPathComponent): payload in formula \(formula)") }
                }
                if report == "portfolio" {
                    #expect((sheets + strings).contains("HYPERLINK"), "\(file.lastPathComponent): payload text missing")
                }
            }
        }
        #expect(workbooks == Self.reports.count * Self.languages.count)
    }

    /// A carriage return is a control character in data, so the `\r=1` payload never loads.
    @Test func aCarriageReturnPayloadIsRefusedAtLoad() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("cr.yaml")
        try Data("projects:\n  - {id: p1, name: {en: \"\\r=1\"}, sector: energy, status: agreed}\n".utf8).write(to: file)
        let result = try CLIRunner.run(["validate", "--data", file.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("cr.yaml:2:") && result.stderr.contains("U+000D"), "\(result.stderr)")
    }
}
