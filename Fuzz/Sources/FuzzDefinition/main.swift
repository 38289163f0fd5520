import Foundation
import FuzzSupport
import HamkorCore

let definitionFile = FuzzSupport.temporaryFile("definition.yaml")

/// Report definitions, through the file-reading loader (a private temporary file per process).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDefinition(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    FileManager.default.createFile(atPath: definitionFile.path, contents: Data(bytes: data, count: count))
    _ = try? ReportDefinitionLoader(vocabulary: FuzzSupport.vocabulary).load(definitionFile)
    return 0
}

@_cdecl("FuzzDefinition_main")
public func fuzzDefinitionMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer()
}
