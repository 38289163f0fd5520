import Testing
@testable import HamkorCore

/// The word-at-a-time tests against the byte-by-byte rules they stand for, on random words
/// drawn mostly from the bytes at the rules' edges.
@Suite struct ByteWordTests {
    typealias Random = SplitMix

    /// Bytes at every edge the tests draw: controls, space, `~`, DEL, continuations, the leads
    /// around `C2`/`C3` and `DF`/`E0`, and any byte.
    static func byte(_ random: inout Random) -> UInt8 {
        let edges: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3,
                              0xD0, 0xD1, 0xDF, 0xE0, 0xE2, 0xEF, 0xF0, 0xFF]
        return Bool.random(using: &random) ? edges.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
    }

    /// Whether `bytes` are whole two-byte scalars with leads C3–DF.
    static func twoByteScalars(_ bytes: [UInt8]) -> Bool {
        stride(from: 0, to: bytes.count, by: 2).allSatisfy { (0xC3...0xDF).contains(bytes[$0]) && (0x80...0xBF).contains(bytes[$0 + 1]) }
    }

    @Test func wordTestsAgreeWithTheByteRules() {
        var random = Random(seed: 64)
        var printable = 0, pairs = 0
        for _ in 0..<200_000 {
            // Half the words are built to pass (printable ASCII, or lead/continuation pairs), then
            // one byte is sometimes changed to an edge byte.
            var bytes: [UInt8]
            switch Int.random(in: 0..<3, using: &random) {
            case 0: bytes = (0..<8).map { _ in UInt8.random(in: 0x20...0x7E, using: &random) }
            case 1: bytes = (0..<4).flatMap { _ in [UInt8.random(in: 0xC2...0xDF, using: &random), UInt8.random(in: 0x80...0xBF, using: &random)] }
            default: bytes = (0..<8).map { _ in Self.byte(&random) }
            }
            if Bool.random(using: &random) { bytes[Int.random(in: 0..<8, using: &random)] = Self.byte(&random) }
            let word = bytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }  // the first byte lowest
            let isPrintable = bytes.allSatisfy { (0x20...0x7E).contains($0) }
            #expect(ByteWord.isPrintableASCII(word) == isPrintable, "\(bytes)")
            #expect(ByteWord.isTwoByteScalars(word) == Self.twoByteScalars(bytes), "\(bytes)")
            #expect(ByteWord.isTwoByteScalars(UInt32(truncatingIfNeeded: word)) == Self.twoByteScalars(Array(bytes[..<4])), "\(bytes)")
            if isPrintable { printable += 1 }
            if Self.twoByteScalars(bytes) { pairs += 1 }
        }
        #expect(printable > 20_000 && pairs > 20_000, "\(printable) printable, \(pairs) pairs")
    }
}
