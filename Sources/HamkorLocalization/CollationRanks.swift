import Foundation

/// The place of each of a list of texts in the report language's collation, computed once.
///
/// Sorting compares ranks (integers) instead of calling ICU's collator at every comparison:
/// each distinct text is collated once (one ICU sort key, from the locale's one collator), so a
/// table whose rows share a few labels sorts fast.
public struct CollationRanks: Sendable {
    private let ranks: [Int]

    /// Ranks `texts` in `locale`'s collation; equal texts share a rank.
    public init(_ texts: [String], locale: ReportLocale) {
        let distinct = Array(Set(texts))
        var rankOf: [String: Int] = [:]
        rankOf.reserveCapacity(distinct.count)
        for (rank, index) in locale.collationOrder(distinct).enumerated() { rankOf[distinct[index]] = rank }
        ranks = texts.map { rankOf[$0]! }
    }

    /// The rank of the text at `index` of the list given to ``init(_:locale:)``.
    public func rank(_ index: Int) -> Int { ranks[index] }
}
