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
}
