import Testing
@testable import HamkorCore

@Suite struct CSVTableReaderTests {
    private typealias Outcome = (records: [CSVTableReader.Record], error: CSVTableReader.SyntaxError?)

    private func outcome(_ parse: ((CSVTableReader.Record) -> Void) throws(CSVTableReader.SyntaxError) -> Void) -> Outcome {
        var records: [CSVTableReader.Record] = []
        do { try parse { records.append($0) } } catch { return (records, error) }
        return (records, nil)
    }

    /// Random texts built from the characters that matter to CSV (delimiters, quotes, CR, LF,
    /// multi-byte letters) read alike by the reader and the reference, errors included.
    @Test(arguments: [Character(","), Character(";")])
    func agreesWithTheReferenceReader(_ delimiter: Character) {
        let alphabet: [String] = ["a", "b", "é", "ж", "ʻ", "—", ",", ";", "\"", "\"\"", "\n", "\r", "\r\n", " ", "\t", "1"]
        var state: UInt64 = delimiter == "," ? 7 : 11
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        for _ in 0..<4000 {
            let text = (0..<next() % 30).map { _ in alphabet[next() % alphabet.count] }.joined()
            let fast = outcome { body throws(CSVTableReader.SyntaxError) in try CSVTableReader(delimiter: delimiter).parse(text, each: body) }
            let reference = outcome { body throws(CSVTableReader.SyntaxError) in try ReferenceCSVReader(delimiter: delimiter).parse(text, each: body) }
            #expect(fast.records == reference.records, "\(text.debugDescription)")
            #expect(fast.error == reference.error, "\(text.debugDescription)")
        }
    }

    @Test func quotedFieldsKeepTheirBytes() throws {
        let records = try CSVTableReader().parse("id,name\r\n1,\"Ipak yoʻli \"\"Silk\"\"\r\nRoad\"\n2,\"\"\n")
        #expect(records.map(\.fields) == [["id", "name"], ["1", "Ipak yoʻli \"Silk\"\r\nRoad"], ["2", ""]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func errorColumnsCountScalarsFromTheLineStart() {
        #expect(throws: CSVTableReader.SyntaxError(line: 2, column: 5, message: "a quote inside an unquoted field; quote the whole field and double the inner quotes")) {
            try CSVTableReader().parse("a,b\nжж,x\"y\n")
        }
        #expect(throws: CSVTableReader.SyntaxError(line: 3, column: 4, message: "text after a closing quote; put the delimiter right after the quote")) {
            try CSVTableReader().parse("a,b\nжж,\"x\"\"\nжx\"y\n")
        }
    }
}
