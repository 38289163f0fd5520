import Foundation
import HamkorCore
import HamkorExport
import HamkorLocalization
import Testing

/// An exporter as a third party writes one: it renders into the sink, one part per table plus
/// an index, and has no file or standard-output code of its own.
private struct TableListExporter: ReportExporter {
    static let formatID = "tables"
    static let summary = "Test exporter: table titles"
    let fileExtension = "lst"
    let mediaType = "text/plain"
    let configuration = ()
    /// Throws after writing its first part, to prove a failed render publishes nothing.
    var failAfterFirstPart = false

    struct Failure: Error {}

    func render(_ document: ReportDocument, context: ExportContext, into sink: any ExportSink) throws {
        for (index, table) in document.tables.enumerated() {
            try sink.writePart(table.id) { try $0.write("\(table.title): \(table.rows.count) rows\n") }
            if failAfterFirstPart && index == 0 { throw Failure() }
        }
        try sink.writePart("index", throughFile: { url in
            try Data(document.tables.map(\.id).joined(separator: "\n").utf8).write(to: url)
        })
    }
}

@Suite struct ExportPublisherTests {
    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("hamkor-seam-\(UUID().uuidString)")
    }

    static let twoTables = Fixtures.document(.english, tables: [Fixtures.table(Fixtures.english), Fixtures.injectionTable()])

    @Test func partsBecomeSiblingFilesPublishedTogether() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("out.lst")
        let files = try TableListExporter().export(Self.twoTables, context: Fixtures.context(.english), to: .file(target))
        #expect(files.map(\.url.lastPathComponent) == ["out.by-sector.lst", "out.injections.lst", "out.index.lst"])
        #expect(try String(contentsOf: files[2].url, encoding: .utf8) == "by-sector\ninjections")
        for file in files { #expect(try Data(contentsOf: file.url).count == file.bytes) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 3)
    }

    @Test func aFailedRenderPublishesNothingAndLeavesNoTemporaryFile() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let old = folder.appendingPathComponent("out.by-sector.lst")
        try Data("old".utf8).write(to: old)
        #expect(throws: TableListExporter.Failure.self) {
            try TableListExporter(failAfterFirstPart: true).export(Self.twoTables, context: Fixtures.context(.english),
                                                                   to: .file(folder.appendingPathComponent("out.lst")))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.by-sector.lst"])
        #expect(try String(contentsOf: old, encoding: .utf8) == "old")
    }

    @Test func tableSelectionHappensBeforeTheExporterRuns() throws {
        let parts = try TableListExporter().renderParts(Self.twoTables, context: Fixtures.context(.english, tableID: "injections"))
        #expect(parts.map(\.name) == ["injections", "index"])
        #expect(String(decoding: parts[1].bytes, as: UTF8.self) == "injections")
        #expect(throws: ExportError.unknownTable("nope", known: ["by-sector", "injections"])) {
            try TableListExporter().renderParts(Self.twoTables, context: Fixtures.context(.english, tableID: "nope"))
        }
    }

    @Test func aMemorySinkKeepsPartsInOrderAndRefusesADuplicateName() throws {
        let sink = MemoryExportSink(layout: .oneStream)
        try sink.writePart("a") { try $0.write("x"); try $0.write(bytes: [0x79]) }
        try sink.writePart("b", throughFile: { try Data("z".utf8).write(to: $0) })
        #expect(sink.parts.map(\.name) == ["a", "b"])
        #expect(sink.bytes(of: "a") == Array("xy".utf8))
        #expect(sink.bytes(of: "b") == Array("z".utf8))
        #expect(throws: ExportError.self) { try sink.writePart("a") { (_: ExportPartOutput) in } }
    }

    @Test func tableSelectionKeepsTheTextAndDropsTheOtherTablesChartsAndEmptiedHeadings() throws {
        let table = Fixtures.table(Fixtures.english)
        let chart = ChartBlock(id: "c", kind: .bar, title: "Chart", categoryAxisTitle: "", valueAxisTitle: "", seriesName: "",
                               points: [], source: ChartSource(tableID: table.id, categoryColumn: 0, valueColumn: 3))
        let document = ReportDocument(reportID: "r", title: "T", language: .english, generatedAt: Fixtures.generatedAt,
                                      blocks: [.heading("One"), .paragraph("p"), .table(table), .chart(chart),
                                               .heading("Two"), .table(Fixtures.injectionTable()), .heading("Three")],
                                      labels: .english)
        let selected = try document.selectingTable("injections")
        #expect(selected.blocks == [.heading("One"), .paragraph("p"), .heading("Two"), .table(Fixtures.injectionTable()),
                                    .heading("Three")])
        let other = try document.selectingTable(table.id)
        #expect(other.blocks == [.heading("One"), .paragraph("p"), .table(table), .chart(chart), .heading("Three")])
    }

    @Test func theTextBriefingHonoursTheTableToo() throws {
        let parts = try TextBriefingExporter().renderParts(Self.twoTables, context: Fixtures.context(.english, tableID: "injections"))
        let text = String(decoding: parts[0].bytes, as: UTF8.self)
        #expect(parts.map(\.name) == [TextBriefingExporter.documentPart])
        #expect(text.contains("Injections"))
        #expect(!text.contains("Agriculture"))  // only in the other table and the chart drawn from it
    }
}
