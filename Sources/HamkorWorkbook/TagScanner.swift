import Foundation

/// Finds the start tags of a few elements in a part's raw bytes, chunk by chunk, without an XML
/// parser: used for the sheet layout (`<col>`, `<mergeCell>`) that a register's header needs
/// before its rows, while merged ranges are stored after them. Names match without a namespace
/// prefix; attribute values are read as written (the attributes scanned never hold entities).
struct TagScanner {
    let names: Set<String>
    private var pending: [UInt8] = []
    private var inTag = false
    private(set) var found: [(name: String, attributes: [String: String])] = []

    init(names: Set<String>) { self.names = names }

    mutating func scan(_ chunk: Data) {
        chunk.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            let count = bytes.count
            while index < count {
                if inTag {
                    let start = index
                    while index < count && bytes[index] != UInt8(ascii: ">") { index += 1 }
                    if pending.count < 4096 { pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<min(index, start + 4096)])) }
                    if index < count {
                        finishTag()
                        inTag = false
                        index += 1
                    }
                } else {
                    while index < count && bytes[index] != UInt8(ascii: "<") { index += 1 }
                    if index < count {
                        inTag = true
                        pending.removeAll(keepingCapacity: true)
                        index += 1
                    }
                }
            }
        }
    }

    private mutating func finishTag() {
        // The name runs to the first space, '/' or end; a prefix (`x:col`) is dropped.
        var end = 0
        while end < pending.count, pending[end] != 0x20, pending[end] != 0x2F, pending[end] != 0x0A, pending[end] != 0x0D, pending[end] != 0x09 { end += 1 }
        guard end > 0, end < 64 else { return }
        var name = String(decoding: pending[0..<end], as: UTF8.self)
        if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
        guard names.contains(name) else { return }
        found.append((name, Self.attributes(pending[end...])))
    }

    static func attributes(_ bytes: ArraySlice<UInt8>) -> [String: String] {
        var result: [String: String] = [:]
        let text = String(decoding: bytes, as: UTF8.self)
        var rest = Substring(text)
        while let equals = rest.firstIndex(of: "=") {
            let key = rest[..<equals].trimmingCharacters(in: .whitespacesAndNewlines)
            var after = rest[rest.index(after: equals)...].drop(while: { $0 == " " })
            guard let quote = after.first, quote == "\"" || quote == "'" else { break }
            after = after.dropFirst()
            guard let close = after.firstIndex(of: quote) else { break }
            var name = key
            if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
            result[name] = String(after[..<close])
            rest = after[after.index(after: close)...]
        }
        return result
    }
}
