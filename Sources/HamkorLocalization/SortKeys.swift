import Foundation

/// ICU sort keys of a list of texts, held as one byte buffer with the end offset of each key.
///
/// Sorting by keys compares bytes instead of asking the collator at every comparison: each
/// text is collated once.
struct SortKeys {
    /// The keys, one after another (each ends with ICU's terminating zero byte).
    let bytes: [UInt8]
    /// The end of each key in ``bytes``, in the order of the texts.
    let ends: [Int]

    /// The order of the keys of texts `i` and `j`: their bytes, a key that is a prefix of the
    /// other first.
    func compare(_ i: Int, _ j: Int) -> ComparisonResult {
        let startI = i == 0 ? 0 : ends[i - 1], startJ = j == 0 ? 0 : ends[j - 1]
        let countI = ends[i] - startI, countJ = ends[j] - startJ
        let order = bytes.withUnsafeBufferPointer { buffer in
            memcmp(buffer.baseAddress! + startI, buffer.baseAddress! + startJ, min(countI, countJ))
        }
        if order != 0 { return order < 0 ? .orderedAscending : .orderedDescending }
        return countI == countJ ? .orderedSame : (countI < countJ ? .orderedAscending : .orderedDescending)
    }
}
