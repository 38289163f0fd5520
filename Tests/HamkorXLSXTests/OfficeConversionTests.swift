import Foundation
import Testing
@testable import HamkorXLSX

/// When LibreOffice is installed, an exported workbook must convert to PDF headlessly.
@Suite struct OfficeConversionTests {
    static func executable(_ names: [String]) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in names {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// Converts a workbook with LibreOffice into its folder (`to` is a `--convert-to` argument);
    /// false, with an issue recorded, when it did not finish.
    static func convert(_ url: URL, to filter: String, with soffice: URL) throws -> Bool {
        let folder = url.deletingLastPathComponent()
        let home = folder.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = soffice
        process.arguments = ["--headless", "--convert-to", filter, "--outdir", folder.path, url.path]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        if process.isRunning {
            process.terminate()
            Issue.record("soffice did not finish within 120 s")
            return false
        }
        #expect(process.terminationStatus == 0)
        return process.terminationStatus == 0
    }

    @Test func convertsToPDF() throws {
        guard let soffice = Self.executable(["soffice", "libreoffice"]) else {
            print("skipped: soffice not installed")
            return
        }
        let (url, _) = try XLSXExporterTests.export(ReportFixture.document(.russian), context: ReportFixture.context(.russian))
        guard try Self.convert(url, to: "pdf", with: soffice) else { return }
        let pdf = url.deletingPathExtension().appendingPathExtension("pdf")
        #expect(FileManager.default.fileExists(atPath: pdf.path))
    }
}
