import FuzzSupport
import HamkorCore

/// CSV project tables: the RFC 4180 reader and the row reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDatasetCSV(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let text = FuzzSupport.text(data, count, file: "fuzz.csv") else { return 0 }
    _ = try? DatasetLoader(vocabulary: FuzzSupport.vocabulary).load(text: text, file: "fuzz.csv")
    for delimiter: Character in [",", ";"] { _ = try? CSVTableReader(delimiter: delimiter).parse(text) }
    return 0
}

@_cdecl("FuzzDatasetCSV_main")
public func fuzzDatasetCSVMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer()
}
