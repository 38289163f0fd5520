import Testing
@testable import HamkorCore

@Suite struct TextSafetyTests {
    /// Every refused scalar, alone and inside text in several scripts, is flagged by the quick
    /// byte check, so the exact search behind it is never skipped.
    @Test func quickCheckNeverMissesARefusedCharacter() {
        let refused = (0...0x2100).compactMap(Unicode.Scalar.init).filter(TextSafety.isForbiddenControl)
        #expect(refused.count == 32 - 2 + 1 + 32 + 5 + 4)
        for scalar in refused {
            for text in ["\(scalar)", "Toshkent \(scalar)", "Фарғона\(scalar)вилояти", "Gəncə — \(scalar)"] {
                #expect(TextSafety.mayContainForbidden(text, orNewline: false), "U+\(String(scalar.value, radix: 16))")
            }
        }
    }

    @Test func ordinaryTextPassesTheQuickCheck() {
        for text in ["Ipak yoʻli — Fargʻona viloyati", "«Шёлковый путь»", "İpək yolu\totel", "line\nbreak", "…", ""] {
            #expect(!TextSafety.mayContainForbidden(text, orNewline: false) || text == "…", "\(text)")
        }
        #expect(TextSafety.mayContainForbidden("line\nbreak", orNewline: true))
    }

    @Test func firstForbiddenNamesTheCharacter() {
        #expect(TextSafety.firstForbidden(in: "Gəncə\u{202E}x\u{7}", orNewline: false) == "\u{202E}")
        #expect(TextSafety.firstForbidden(in: "a\nb\u{85}", orNewline: true) == "\n")
        #expect(TextSafety.firstForbidden(in: "a\nb\u{85}", orNewline: false) == "\u{85}")
        #expect(TextSafety.firstForbidden(in: "Ipak yoʻli … «Шёлк»", orNewline: true) == nil)
    }

    /// The quick check reads eight plain bytes at a time: at every offset and every length it
    /// answers as a byte-by-byte reading does, for refused characters, the ellipsis that shares
    /// their lead bytes, tab and line feed among ordinary Latin and Cyrillic text.
    @Test func theWordAtATimeCheckAnswersAsByteByByte() {
        let pieces = ["a", "Toshkent ", "ж", "—", "…", "\u{202E}", "\u{2066}", "\u{85}", "\u{A0}", "\u{FFFE}", "\u{FFFD}",
                      "\t", "\n", "\u{7F}", "\u{1}", "ʻ", "«", "€"]
        func byteByByte(_ bytes: [UInt8], orNewline: Bool, orTab: Bool) -> Bool {
            for (index, byte) in bytes.enumerated() {
                if byte < 0x20 {
                    if (byte != 0x09 || orTab) && (byte != 0x0A || orNewline) { return true }
                } else if byte == 0x7F {
                    return true
                } else if byte == 0xC2 {
                    if index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]) { return true }
                } else if byte == 0xE2 {
                    if index + 2 < bytes.count && (bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81)
                        && (0xA6...0xAE).contains(bytes[index + 2]) { return true }
                } else if byte == 0xEF {
                    if index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE { return true }
                }
            }
            return false
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let plain = (0..<Int.random(in: 0...6, using: &generator)).map { _ in ["a", "Toshkent ", "ж", "ʻ"].randomElement(using: &generator)! }
            let text = plain.joined() + (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                + plain.reversed().joined()
            let bytes = Array(text.utf8)
            for (orNewline, orTab) in [(false, false), (true, false), (true, true)] {
                let quick = bytes.withUnsafeBufferPointer { TextSafety.mayContainForbidden(utf8: $0, orNewline: orNewline, orTab: orTab) }
                #expect(quick == byteByByte(bytes, orNewline: orNewline, orTab: orTab), "\(text.debugDescription) \(orNewline) \(orTab)")
            }
        }
    }
}
