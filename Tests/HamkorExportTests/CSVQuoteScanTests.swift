import Testing
@testable import HamkorExport

/// The word-at-a-time field scan against the obvious byte-by-byte answer.
@Suite struct CSVQuoteScanTests {
    /// The byte-by-byte answer: quotes for `"`, LF, CR or the delimiter; doubling for `"`.
    func reference(_ bytes: [UInt8], delimiter: UInt8) -> (Bool, Bool) {
        let hasQuote = bytes.contains(0x22)
        return (hasQuote || bytes.contains { $0 == 0x0A || $0 == 0x0D || $0 == delimiter }, hasQuote)
    }

    func scan(_ bytes: [UInt8], delimiter: UInt8) -> (Bool, Bool) {
        bytes.withUnsafeBufferPointer { CSVQuoteScan.scan($0, delimiter: delimiter) }
    }

    /// Every length up to five words, with each special byte (and near misses, tab, UTF-8 of
    /// Cyrillic and `ʻ`, bytes ≥ 0x80 whose low bits equal a special byte) at every position.
    @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: ";")])
    func agreesWithByteByByteAtEveryLengthAndPosition(_ delimiter: UInt8) {
        let filler = Array("Oʻzbekiston — Ўзбекистон, Toshkent vil. 2024 ".utf8)
        let probes: [UInt8] = [0x22, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, 0x20, 0x21, 0x23, 0x00,
                               0xA2, 0x8A, 0x8D, 0xAC, 0xBB, 0xFF, 0x0B, 0x0C, 0x0E]
        for length in 0...40 {
            let plain = (0..<length).map { filler[($0 * 7) % filler.count] }.map { [0x22, 0x0A, 0x0D, delimiter].contains($0) ? 0x41 : $0 }
            #expect(scan(plain, delimiter: delimiter) == reference(plain, delimiter: delimiter), "length \(length)")
            for position in 0..<length {
                for probe in probes {
                    var bytes = plain
                    bytes[position] = probe
                    #expect(scan(bytes, delimiter: delimiter) == reference(bytes, delimiter: delimiter),
                            "length \(length), byte \(probe) at \(position)")
                }
            }
        }
    }

    @Test func quoteAfterADelimiterStillCountsAsAQuote() {
        let bytes = Array("phase 4, \"Silk Road\" hotel complex".utf8)
        #expect(scan(bytes, delimiter: UInt8(ascii: ",")) == (true, true))
        #expect(scan(Array("phase 4, Silk Road hotel complex".utf8), delimiter: UInt8(ascii: ",")) == (true, false))
        #expect(scan(Array("phase 4, Silk Road hotel complex".utf8), delimiter: UInt8(ascii: ";")) == (false, false))
    }
}
