import CTextScan
import Testing

/// The vector kernels against plain byte-by-byte readings of the same rules, on random text at
/// every offset and length around the sixteen-byte blocks.
@Suite struct TextScanTests {
    /// A small deterministic generator, so a failure names its case.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func findAny4FindsTheFirstOfItsBytes() {
        var random = SplitMix(state: 4)
        let alphabet: [UInt8] = Array("abc ,\"\n\r;Ж".utf8)
        for _ in 0..<3_000 {
            let bytes = (0..<Int.random(in: 0...70, using: &random)).map { _ in
                Int.random(in: 0..<12, using: &random) == 0 ? alphabet.randomElement(using: &random)! : UInt8(ascii: "x")
            }
            let start = Int.random(in: 0...bytes.count, using: &random)
            let expected = bytes[start...].firstIndex { $0 == 0x2C || $0 == 0x0A || $0 == 0x0D || $0 == 0x22 } ?? bytes.count
            let found = bytes.withUnsafeBufferPointer { hamkor_find_any4($0.baseAddress!, $0.count, start, 0x2C, 0x0A, 0x0D, 0x22) }
            #expect(found == expected, "\(bytes) from \(start)")
        }
    }

    /// Whether `scalar` is one the skip may pass: no control but line feed and carriage return,
    /// nothing from U+0080 to U+00BF (lead C2), U+0800–U+0FFF (E0), U+D000–U+D7FF (ED),
    /// U+F000–U+FFFF (EF) or above U+FFFF (F0 and up), no U+2026–U+202E or U+2066–U+206E.
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value == 0x0A || value == 0x0D }
        if value == 0x7F || (0x80...0xBF).contains(value) || (0x800...0xFFF).contains(value) { return false }
        if (0xD000...0xD7FF).contains(value) || value >= 0xF000 { return false }
        return !(0x2026...0x202E).contains(value) && !(0x2066...0x206E).contains(value)
    }

    /// The skip stops at a scalar boundary, and everything it passed is valid UTF-8 of plain
    /// scalars; on long plain text it passes all but the last blocks.
    @Test func skipPlainUTF8PassesOnlyPlainText() {
        var random = SplitMix(state: 11)
        let pieces: [[UInt8]] = ["abcdefgh", ", ", "\n", "\r\n", "Ж", "Тепличный", "ə", "ʻ", "—", "…", "\u{2066}", "\u{202E}", "\t",
                                 "\u{85}", "\u{A0}", "\u{FEFF}", "\u{FFFE}", "😀", "\u{0800}", "\u{D7FF}", "\u{7F}", "\u{0}"].map { Array($0.utf8) }
        let broken: [[UInt8]] = [[0x80], [0xC0, 0x80], [0xC1, 0x81], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0x80],
                                 [0xF5], [0xD0], [0xE2, 0x80], [0xE2, 0x41, 0x41]]
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            var boundaries = [0]
            for _ in 0..<Int.random(in: 0...30, using: &random) {
                let roll = Int.random(in: 0..<100, using: &random)
                bytes += roll == 0 ? broken.randomElement(using: &random)! : pieces[roll < 70 ? Int.random(in: 0..<9, using: &random) : Int.random(in: 0..<pieces.count, using: &random)]
                boundaries.append(bytes.count)
            }
            // Entries at piece boundaries past the first three bytes, where the text before is whole.
            let entry = boundaries.filter { $0 >= 3 }.randomElement(using: &random) ?? 0
            let end = bytes.withUnsafeBufferPointer { hamkor_skip_plain_utf8($0.baseAddress!, $0.count, entry) }
            #expect(end >= entry && end <= max(entry, bytes.count), "\(bytes) from \(entry)")
            guard end > entry else { continue }
            #expect(end == bytes.count || bytes[end] & 0xC0 != 0x80, "stopped inside a scalar at \(end): \(bytes)")
            let passed = String(validating: bytes[entry..<end], as: UTF8.self)
            #expect(passed != nil && passed!.unicodeScalars.allSatisfy(Self.isPlain), "\(bytes) from \(entry) to \(end)")
        }
        // A scalar cut short right where a block ends is not passed as if it were whole.
        for cut in [[0xE2, 0x80], [0xD0], [0xF0, 0x9F, 0x98], [0xE2]] as [[UInt8]] {
            for length in 3..<40 {
                let bytes = Array(repeating: UInt8(ascii: "a"), count: length) + cut + Array(repeating: UInt8(ascii: "\n"), count: 20)
                let end = bytes.withUnsafeBufferPointer { hamkor_skip_plain_utf8($0.baseAddress!, $0.count, 3) }
                #expect(end <= length, "passed \(end) of \(bytes)")
            }
        }
        let plain = Array(String(repeating: "Buxoro viloyati — Тепличный комплекс, ", count: 40).utf8)
        let end = plain.withUnsafeBufferPointer { hamkor_skip_plain_utf8($0.baseAddress!, $0.count, 3) }
        #expect(end > plain.count - 40, "passed \(end) of \(plain.count) bytes")
    }
}
