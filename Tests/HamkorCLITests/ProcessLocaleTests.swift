import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// No output depends on the process locale: Turkish and Azerbaijani have a dotted and a dotless i
/// (`i → İ`, `I → ı`), so any case mapping, sorting or number formatting through the process
/// locale would show here. Every bundled report in every language and format, run under
/// `tr_TR.UTF-8` and `az_AZ.UTF-8`, is byte-identical to the `C` locale's run.
@Suite struct ProcessLocaleTests {
    /// Whether the C library has a locale (install-deps.sh generates these for the tests).
    static func isInstalled(_ name: String) -> Bool {
        guard let handle = newlocale(Int32(1) << LC_CTYPE, name, nil) else { return false }
        freelocale(handle)
        return true
    }

    static func outputs(under locale: String, in folder: URL) throws -> [String: Data] {
        let out = folder.appendingPathComponent(locale)
        let result = try CLIRunner.run(["batch", CLIRunner.fixture("every-format.yaml"), "--out", out.path, "--quiet"],
                                       environment: ["LC_ALL": locale, "LANG": locale, "LANGUAGE": ""])
        #expect(result.status == 0, "\(locale): \(result.stderr)")
        var files: [String: Data] = [:]
        for case let name as String in FileManager.default.enumerator(atPath: out.path)! where name != "manifest.json" {
            let url = out.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[name] = try Data(contentsOf: url)
        }
        return files
    }

    @Test func turkishAndAzerbaijaniProcessLocalesChangeNoByte() throws {
        let folder = CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = try Self.outputs(under: "C", in: folder)
        // 4 reports × 6 languages × (txt, xlsx, pdf) plus one CSV file per table.
        #expect(reference.keys.filter { $0.hasSuffix(".pdf") }.count == 24)
        #expect(reference.keys.contains("briefing.tr.xlsx"))
        for locale in ["tr_TR.UTF-8", "az_AZ.UTF-8"] {
            guard Self.isInstalled(locale) else {
                Issue.record("the \(locale) locale is not installed; run scripts/install-deps.sh")
                continue
            }
            let outputs = try Self.outputs(under: locale, in: folder)
            #expect(outputs.keys.sorted() == reference.keys.sorted(), "\(locale): other files")
            for (name, data) in reference.sorted(by: { $0.key < $1.key }) {
                #expect(outputs[name] == data, "\(name) differs under \(locale)")
            }
        }
    }
}
