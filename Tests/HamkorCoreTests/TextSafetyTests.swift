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
}
