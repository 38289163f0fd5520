import Foundation
import _FoundationICU

/// One ICU collator of a language's collation, opened once and shared by every comparison and
/// sort key of a ``ReportLocale``: the only code that touches ICU's C API.
///
/// It is configured as Foundation's `String.compare(_:options:range:locale:)` with no options
/// tells two texts apart before its own tie-breaks: CLDR tailoring, punctuation and spaces not
/// ignorable, differences up to the secondary level (accents) plus the case level. Texts it
/// deems equal are left to Foundation's comparison (``ReportLocale/compare(_:_:)``), so the order
/// is Foundation's exactly; this only saves the per-comparison `NSString` bridge and locale.
///
/// ICU collators are safe to share between threads for comparisons and sort keys (const calls);
/// no attribute changes after ``init(identifier:)``.
final class Collator: @unchecked Sendable {
    private let collator: OpaquePointer

    /// Opens the collation of an ICU locale identifier (`uz_Latn`, `az`, `ru`); `nil` when ICU
    /// cannot open or configure it.
    init?(identifier: String) {
        var status = U_ZERO_ERROR
        guard let opened = swift_ucol_open(identifier, &status), status.rawValue <= U_ZERO_ERROR.rawValue else { return nil }
        swift_ucol_setAttribute(opened, UCOL_NORMALIZATION_MODE, UCOL_ON, &status)
        swift_ucol_setAttribute(opened, UCOL_ALTERNATE_HANDLING, UCOL_NON_IGNORABLE, &status)
        swift_ucol_setAttribute(opened, UCOL_STRENGTH, UCOL_SECONDARY, &status)
        swift_ucol_setAttribute(opened, UCOL_CASE_LEVEL, UCOL_ON, &status)
        swift_ucol_setAttribute(opened, UCOL_NUMERIC_COLLATION, UCOL_OFF, &status)
        guard status.rawValue <= U_ZERO_ERROR.rawValue else {
            swift_ucol_close(opened)
            return nil
        }
        collator = opened
    }

    deinit { swift_ucol_close(collator) }

    /// The order of two texts at the collator's levels (`.orderedSame` for texts it cannot tell apart).
    func compare(_ a: String, _ b: String) -> ComparisonResult {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in compare(utf8: x, y) } }
    }

    /// ``compare(_:_:)`` of two texts given as their UTF-8 bytes.
    func compare(utf8 a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> ComparisonResult {
        var status = U_ZERO_ERROR
        let result = a.withMemoryRebound(to: CChar.self) { x in
            b.withMemoryRebound(to: CChar.self) { y in
                swift_ucol_strcollUTF8(collator, x.baseAddress, Int32(x.count), y.baseAddress, Int32(y.count), &status)
            }
        }
        return result == UCOL_LESS ? .orderedAscending : (result == UCOL_GREATER ? .orderedDescending : .orderedSame)
    }

    /// The sort keys of `texts`, one byte buffer with the end offset of each: comparing two keys'
    /// bytes (shorter first when one is a prefix) is ``compare(_:_:)`` of their texts.
    func sortKeys(_ texts: some Collection<String>) -> SortKeys {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(texts.count)
        var utf16: [UInt16] = []
        var key = [UInt8](repeating: 0, count: 256)
        for text in texts {
            utf16.removeAll(keepingCapacity: true)
            utf16.append(contentsOf: text.utf16)
            var length = Int(key.withUnsafeMutableBufferPointer { key in
                swift_ucol_getSortKey(collator, utf16, Int32(utf16.count), key.baseAddress, Int32(key.count))
            })
            if length > key.count {
                key = [UInt8](repeating: 0, count: length)
                length = Int(key.withUnsafeMutableBufferPointer { key in
                    swift_ucol_getSortKey(collator, utf16, Int32(utf16.count), key.baseAddress, Int32(key.count))
                })
            }
            bytes.append(contentsOf: key[0..<min(length, key.count)])
            ends.append(bytes.count)
        }
        return SortKeys(bytes: bytes, ends: ends)
    }
}
