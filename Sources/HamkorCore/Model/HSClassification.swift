/// The Harmonized System 2022: which of the 21 sections (`I`–`XXI`) each of the 97 chapters
/// (`01`–`97`; `77` is reserved) belongs to. Names are in `Reports/vocabulary.yaml`.
public enum HSClassification {
    /// The first chapter of each section, in order: section I starts at chapter 1, II at 6, ...
    private static let firstChapters = [1, 6, 15, 16, 25, 28, 39, 41, 44, 47, 50, 64, 68, 71, 72, 84, 86, 90, 93, 94, 97]
    private static let numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
                                   "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI"]

    /// Chapter 77, kept free in HS 2022 for possible future use: no goods are classified in it.
    public static let reservedChapter = "77"

    /// The chapter codes goods are classified in: `01`–`97` without the reserved `77`.
    public static var chapters: [String] {
        (1...97).map { $0 < 10 ? "0\($0)" : String($0) }.filter { $0 != reservedChapter }
    }

    /// The section codes, in order.
    public static var sections: [String] { numerals }

    /// The section of a two-digit chapter code, or `nil` when it is not one (or is the reserved 77).
    public static func section(ofChapter chapter: String) -> String? {
        guard chapter.count == 2, chapter.allSatisfy(\.isASCII), chapter != reservedChapter, let number = Int(chapter),
              (1...97).contains(number) else { return nil }
        let index = firstChapters.lastIndex { $0 <= number }!
        return numerals[index]
    }
}
