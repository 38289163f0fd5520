/// One parsed CSV record as its fields' UTF-8 bytes (quotes removed, doubled quotes undone),
/// valid only inside the callback of ``CSVTableReader/parseBytes(_:each:)`` that receives it.
struct CSVRecordBytes {
    /// The 1-based line the record starts on.
    let line: Int
    /// The fields' bytes, in the order of the record.
    let fields: [UnsafeBufferPointer<UInt8>]
    /// Whether a quoted field of the record holds a line break (a line feed or carriage return):
    /// the only place one can be.
    var breaksLines = false
}
