import Foundation
import FuzzSupport
import HamkorLocalization

/// Gettext PO catalogs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPOCatalog(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let text = String(validating: UnsafeRawBufferPointer(start: data, count: count), as: UTF8.self) else { return 0 }
    _ = try? POCatalog.parse(text, file: "fuzz.po")
    return 0
}

@_cdecl("FuzzPOCatalog_main")
public func fuzzPOCatalogMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer()
}
