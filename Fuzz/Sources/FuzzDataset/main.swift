import FuzzSupport
import HamkorCore

/// YAML/JSON datasets: decoding, the safety guard, the parser and every record reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDataset(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let loader = DatasetLoader(vocabulary: FuzzSupport.vocabulary)
    for file in ["fuzz.yaml", "fuzz.json"] {
        guard let text = FuzzSupport.text(data, count, file: file) else { return 0 }
        _ = try? loader.load(text: text, file: file)
    }
    return 0
}

@_cdecl("FuzzDataset_main")
public func fuzzDatasetMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer()
}
