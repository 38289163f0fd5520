import Foundation
import HamkorLocalization
import Testing
@testable import HamkorXLSX
#if canImport(Glibc)
import Glibc
#endif

/// libxlsxwriter formats doubles with `snprintf`; under a decimal-comma locale the XML would read
/// `1234,5`. The exporter switches its thread to the C locale while it writes.
@Suite(.serialized) struct CLocaleScopeTests {
    static let decimalCommaLocales = ["ru_RU.UTF-8", "ru_RU.utf8", "de_DE.UTF-8", "de_DE.utf8"]

    static func formatted(_ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.1f", $0) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test func numbersKeepADecimalPointUnderADecimalCommaProcessLocale() throws {
        let previous = String(cString: setlocale(LC_ALL, nil))
        guard let chosen = Self.decimalCommaLocales.first(where: { setlocale(LC_ALL, $0) != nil }) else {
            print("skipped: no decimal-comma locale is installed (tried \(Self.decimalCommaLocales.joined(separator: ", ")); "
                  + "generate one with locale-gen ru_RU.UTF-8)")
            return
        }
        defer { setlocale(LC_ALL, previous) }
        // The test means something only if the process locale really writes a comma.
        #expect(Self.formatted(1.5) == "1,5", "locale \(chosen) should write 1,5")
        #expect(try CLocaleScope.run { Self.formatted(1.5) } == "1.5")
        #expect(Self.formatted(1.5) == "1,5", "the previous locale is restored")

        let (_, archive) = try XLSXExporterTests.export(ReportFixture.document(.russian), context: ReportFixture.context(.russian))
        let summary = try archive.text("xl/worksheets/sheet1.xml")
        #expect(summary.contains("<v>1234.5</v>"))
        #expect(summary.contains("<v>0.253</v>"))
        #expect(!summary.contains("1234,5"))
        let table = try archive.text("xl/worksheets/sheet2.xml")
        #expect(table.contains("<v>0.2</v>"))
        #expect(!table.contains("<v>0,2</v>"))
    }

    @Test func restoresAThreadLocale() throws {
        guard let chosen = Self.decimalCommaLocales.lazy.compactMap({ newlocale(Int32(1) << LC_NUMERIC, $0, nil) }).first else {
            print("skipped: no decimal-comma locale is installed")
            return
        }
        defer { freelocale(chosen) }
        let previous = uselocale(chosen)
        defer { uselocale(previous) }
        #expect(Self.formatted(2.5) == "2,5")
        #expect(try CLocaleScope.run { Self.formatted(2.5) } == "2.5")
        #expect(Self.formatted(2.5) == "2,5")
    }
}
