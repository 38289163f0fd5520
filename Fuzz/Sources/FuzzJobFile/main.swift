import Foundation
import FuzzSupport
import HamkorBatch

/// Batch job files (YAML): the lexical guard, the parser, jobs, cron schedules, templates.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJobFile(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let text = String(validating: UnsafeRawBufferPointer(start: data, count: count), as: UTF8.self) else { return 0 }
    _ = try? JobFile.parse(text, file: "jobs.yaml", baseFolder: URL(fileURLWithPath: "/tmp"),
                           knownReports: ["portfolio", "agreements", "twin-cities", "briefing"],
                           knownFormats: ["csv", "xlsx", "txt"])
    return 0
}

@_cdecl("FuzzJobFile_main")
public func fuzzJobFileMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer()
}
