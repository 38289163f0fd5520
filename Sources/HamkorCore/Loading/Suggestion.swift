/// "Did you mean" suggestions by edit distance.
public enum Suggestion {
    /// The candidate nearest to `word`, if it is near enough to be a plausible typo.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let word = Array(word.lowercased().unicodeScalars)
        let limit = max(2, word.count / 3)
        var best: (word: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased().unicodeScalars)
            // The distance is at least the difference in length: most candidates stop here.
            guard abs(other.count - word.count) <= min(limit, (best?.distance ?? Int.max) - 1) else { continue }
            let distance = editDistance(word, other)
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.word
    }

    /// Levenshtein distance, in Unicode scalars.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
