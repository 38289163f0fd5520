#if canImport(Glibc)
import Glibc
#endif

/// Asks the system to back the rest of a large array's storage with huge pages (2 MiB), where
/// it gives transparent huge pages on request (Linux's `madvise` mode): a column of millions of
/// rows is then mapped a huge page at a time, and read through far fewer address translations.
/// Nothing happens elsewhere, for arrays under a few huge pages, or when the system declines.
enum HugePages {
    /// The huge page size asked for.
    static let size = 2 << 20

    /// Advises the whole 2 MiB-aligned part of `array`'s storage, up to its capacity.
    static func advise<Element>(_ array: inout [Element]) {
        #if os(Linux)
        let bytes = array.capacity * MemoryLayout<Element>.stride
        guard bytes >= 4 * size else { return }
        array.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let address = Int(bitPattern: UnsafeMutableRawPointer(base))
            let start = (address + size - 1) & ~(size - 1), end = (address + bytes) & ~(size - 1)
            guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(pointer, end - start, MADV_HUGEPAGE)
        }
        #endif
    }
}
