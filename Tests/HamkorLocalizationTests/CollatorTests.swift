import Foundation
import Testing
@testable import HamkorLocalization

/// The shared ICU collator orders text exactly as Foundation's per-comparison collation did.
@Suite struct CollatorTests {
    func locale(_ language: LanguageTag) -> ReportLocale {
        ReportLocale(language: language, translator: Translator(language: language, catalog: nil))
    }

    /// The order `ReportLocale.compare` had before the shared collator: Foundation's comparison
    /// in the language's collation locale, then Unicode scalars.
    static func reference(_ a: String, _ b: String, _ language: LanguageTag) -> ComparisonResult {
        if a == b { return .orderedSame }
        let order = a.compare(b, options: [], range: nil, locale: Locale(identifier: language.profile.collation))
        return order != .orderedSame ? order : (a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? .orderedAscending : .orderedDescending)
    }

    /// Letters, cases, accents (composed and combining), every language's own letters, Uzbek
    /// modifier letters and look-alike quotes, punctuation, digits, spaces (ordinary, no-break,
    /// double), a full-width letter: the pieces of which the texts below are made.
    static let pieces = ["a", "A", "b", "B", "c", "C", "ç", "Ç", "e", "E", "é", "e\u{0301}", "ə", "Ə", "g", "G", "gʻ", "Gʻ",
                         "o", "O", "oʻ", "Oʻ", "o‘", "o'", "ʼ", "’", "s", "sh", "Sh", "SH", "ch", "Ch", "i", "I", "İ", "ı",
                         "ö", "Ö", "ü", "ş", "Ş", "ğ", "z", "Z", "е", "Е", "ё", "Ё", "ж", "Ж", "ў", "Ў", "қ", "ғ", "ҳ", "х",
                         "-", "–", " ", "  ", ".", ",", "1", "2", "10", "(", ")", "\u{00A0}", "Ａ", "&", "\""]

    /// Texts built deterministically from ``pieces``, many of them sharing a prefix with another
    /// (where collation has to look past the first difference).
    static let texts: [String] = {
        var texts: [String] = []
        var seed = 12_345
        func next(_ bound: Int) -> Int {
            seed = (seed &* 1_103_515_245 &+ 12_345) & 0x7FFF_FFFF
            return (seed >> 8) % bound
        }
        for _ in 0..<500 {
            if !texts.isEmpty && next(3) == 0 {
                let base = texts[next(texts.count)]
                texts.append(String(base.prefix(next(base.count + 1))) + pieces[next(pieces.count)] + pieces[next(pieces.count)])
            } else {
                texts.append((0..<(1 + next(6))).map { _ in pieces[next(pieces.count)] }.joined())
            }
        }
        return texts
    }()

    /// Every pair of texts compares as Foundation compares it, wherever Foundation's answer is
    /// consistent (a before b exactly when b after a). Foundation is not always: in Turkish
    /// `ç` and `cЎ` each come after the other; for such a pair any answer is one of Foundation's.
    @Test(arguments: LanguageTag.allCases)
    func comparisonsMatchFoundation(_ language: LanguageTag) {
        let locale = locale(language)
        let texts = Self.texts
        var mismatches: [String] = []
        var inconsistent = 0
        for i in texts.indices {
            for j in texts.indices where i < j && (j - i <= 40 || j == (i &* 31 &+ 7) % texts.count) {
                let forward = Self.reference(texts[i], texts[j], language), backward = Self.reference(texts[j], texts[i], language)
                let answer = locale.compare(texts[i], texts[j])
                guard forward.rawValue == -backward.rawValue else {
                    inconsistent += 1
                    #expect(answer == forward || answer.rawValue == -backward.rawValue)
                    continue
                }
                if answer != forward { mismatches.append("\(texts[i].debugDescription) \(texts[j].debugDescription) \(answer.rawValue) \(forward.rawValue)") }
            }
        }
        #expect(mismatches.isEmpty, "\(language): \(mismatches.prefix(10))")
    }

    /// Sorted texts are in Foundation's order (each neighbour after the one before it, where
    /// Foundation is consistent about the pair), and ranks give the same order.
    @Test(arguments: LanguageTag.allCases)
    func sortingAndRanksMatchFoundation(_ language: LanguageTag) {
        let locale = locale(language)
        let texts = Self.texts + Self.texts.prefix(50)
        let sorted = locale.sorted(texts)
        #expect(sorted.count == texts.count)
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            let forward = Self.reference(a, b, language), backward = Self.reference(b, a, language)
            #expect(forward != .orderedDescending || backward == .orderedDescending, "\(language): \(a.debugDescription) \(b.debugDescription)")
        }
        let ranks = CollationRanks(texts, locale: locale)
        let byRank = texts.indices.sorted { ranks.rank($0) != ranks.rank($1) ? ranks.rank($0) < ranks.rank($1) : $0 < $1 }.map { texts[$0] }
        #expect(byRank == sorted)
    }

    /// Short runs ordered in place (a record list's equal values) come out as ranking every text
    /// would order them: runs of distinct texts, runs with repeated texts, and runs with texts
    /// the collator cannot tell apart; the texts given as `String`s or as UTF-8 in one buffer.
    @Test(arguments: LanguageTag.allCases)
    func runsOrderAsRanksDo(_ language: LanguageTag) {
        let locale = locale(language)
        let texts = Self.texts + Self.texts.prefix(40)
        // The texts' UTF-8 one after another, behind a few bytes no text starts at.
        var bytes = Array("#".utf8)
        var ranges: [Range<Int>] = []
        for text in texts {
            ranges.append(bytes.count..<bytes.count + text.utf8.count)
            bytes += text.utf8
        }
        let utf8 = UTF8Texts(bytes: bytes) { [ranges] in ranges[$0] }
        for start in stride(from: 0, to: texts.count, by: 17) {
            // Positions counted down, so the tie-break (ascending position) is not the input order.
            let positions = Array((start..<min(texts.count, start + 23)).reversed())
            let ordered = locale.collationOrder(positions, text: { texts[$0] }, then: { $0 < $1 })
            let ranks = CollationRanks(positions.map { texts[$0] }, locale: locale)
            let reference = positions.indices.sorted { a, b in
                ranks.rank(a) != ranks.rank(b) ? ranks.rank(a) < ranks.rank(b) : positions[a] < positions[b]
            }.map { positions[$0] }
            #expect(ordered == reference, "\(language) from \(start)")
            #expect(locale.collationOrder(positions, utf8: utf8, then: { $0 < $1 }) == reference, "\(language) from \(start), UTF-8")
        }
        let same = [3, 1, 2]
        #expect(locale.collationOrder(same, text: { _ in "Bir xil" }, then: { $0 < $1 }) == [1, 2, 3])
        let one = UTF8Texts(bytes: Array("Bir xil".utf8)) { _ in 0..<7 }
        #expect(locale.collationOrder(same, utf8: one, then: { $0 < $1 }) == [1, 2, 3])
    }
}
