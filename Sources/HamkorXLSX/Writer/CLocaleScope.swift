#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs code with the calling thread's locale set to "C", then restores the thread's previous locale.
///
/// libxlsxwriter 1.1.4 (as Debian builds it) formats doubles with `snprintf`, which honours
/// `LC_NUMERIC`: under a decimal-comma locale (`ru_RU`, `de_DE`) the XML would get `1,5`.
/// `uselocale` changes only the calling thread, so other threads are unaffected.
enum CLocaleScope {
    /// Calls `body` with the thread locale set to "C".
    static func run<T>(_ body: () throws -> T) throws -> T {
        // With no base locale, every category not in the mask is "C" too: a plain C locale.
        guard let cLocale = newlocale(Int32(1) << LC_NUMERIC, "C", nil) else {
            throw XLSXError.localeUnavailable(String(cString: strerror(errno)))
        }
        let previous = uselocale(cLocale)
        defer {
            if let previous { uselocale(previous) }
            freelocale(cLocale)
        }
        return try body()
    }
}
