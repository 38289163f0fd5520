import Foundation
import ZIPFoundation

/// Tags a finished workbook's charts with the report's language.
///
/// libxlsxwriter writes `<c:lang val="en-US"/>` into every chart part and has no way to set it,
/// so a Russian workbook's charts would say they are English. This copies the workbook, with
/// each chart part's tag replaced (`ru-RU`, `uz-Cyrl-UZ`…) and stored, and every other part
/// copied byte for byte — its compressed data, local header and all — so a large worksheet costs
/// one sequential copy and no recompression. The ZIP layout read is the one libxlsxwriter writes:
/// one disk, no ZIP64 (which it never uses for Hamkor's workbooks), no archive comment.
enum ChartLanguageTagger {
    /// What libxlsxwriter writes into every chart part.
    static let englishTag = Data(#"<c:lang val="en-US"/>"#.utf8)

    /// Whether a part of the package is a chart.
    static func isChart(_ path: String) -> Bool { path.hasPrefix("xl/charts/chart") && path.hasSuffix(".xml") }

    /// Writes `source` to `destination` with every chart tagged `culture` (such as `ru-RU`); a
    /// workbook without charts is renamed, not copied.
    static func copy(_ source: URL, to destination: URL, culture: String) throws(XLSXError) {
        do {
            try rewrite(source, to: destination, culture: culture)
        } catch let error as XLSXError {
            throw error
        } catch {
            // A write the file system refuses (a full disk) is reported at the output, not here.
            let nsError = error as NSError
            let posix = nsError.domain == NSPOSIXErrorDomain ? nsError : nsError.userInfo[NSUnderlyingErrorKey] as? NSError
            if let posix, posix.domain == NSPOSIXErrorDomain {
                throw XLSXError.cannotWriteFile(reason: String(cString: strerror(Int32(posix.code))))
            }
            throw XLSXError.chartLanguage("\(error)")
        }
    }

    private static func rewrite(_ source: URL, to destination: URL, culture: String) throws {
        let tagged = Data(#"<c:lang val="\#(culture)"/>"#.utf8)
        var charts: [String: Data] = [:]
        let archive = try Archive(url: source, accessMode: .read)
        for entry in archive where isChart(entry.path) {
            var xml = Data()
            _ = try archive.extract(entry, skipCRC32: false) { xml.append($0) }
            if let range = xml.range(of: englishTag) { xml.replaceSubrange(range, with: tagged) }
            charts[entry.path] = xml
        }
        if charts.isEmpty {
            guard Foundation.rename(source.path, destination.path) == 0 else {
                throw malformed("cannot rename \(source.lastPathComponent): \(String(cString: strerror(errno)))")
            }
            return
        }

        let input = try FileHandle(forReadingFrom: source)
        defer { try? input.close() }
        let size = try input.seekToEnd()
        let tail = 22
        guard size >= UInt64(tail) else { throw malformed("too short") }
        try input.seek(toOffset: size - UInt64(tail))
        let end = try input.read(upToCount: tail) ?? Data()
        guard end.count == tail, end.uint32(at: 0) == 0x0605_4B50 else { throw malformed("no end record") }
        let count = Int(end.uint16(at: 10))
        let directorySize = Int(end.uint32(at: 12)), directoryOffset = UInt64(end.uint32(at: 16))
        try input.seek(toOffset: directoryOffset)
        let directory = try input.read(upToCount: directorySize) ?? Data()
        guard directory.count == directorySize else { throw malformed("short central directory") }

        var records: [(record: Data, name: String, offset: UInt64)] = []
        var cursor = 0
        for _ in 0..<count {
            guard cursor + 46 <= directory.count, directory.uint32(at: cursor) == 0x0201_4B50 else { throw malformed("bad central record") }
            let length = 46 + Int(directory.uint16(at: cursor + 28)) + Int(directory.uint16(at: cursor + 30)) + Int(directory.uint16(at: cursor + 32))
            guard cursor + length <= directory.count else { throw malformed("bad central record") }
            let record = Data(directory[directory.startIndex + cursor ..< directory.startIndex + cursor + length])
            let name = String(decoding: record[record.startIndex + 46 ..< record.startIndex + 46 + Int(record.uint16(at: 28))], as: UTF8.self)
            records.append((record, name, UInt64(record.uint32(at: 42))))
            cursor += length
        }
        records.sort { $0.offset < $1.offset }

        FileManager.default.createFile(atPath: destination.path, contents: nil)
        let output = try FileHandle(forWritingTo: destination)
        defer { try? output.close() }
        var written: UInt64 = 0
        var newDirectory = Data()
        for (index, entry) in records.enumerated() {
            var record = entry.record
            record.setUInt32(UInt32(written), at: 42)
            if let xml = charts[entry.name] {
                let crc = xml.crc32(checksum: 0)
                let flags = record.uint16(at: 8) & ~UInt16(0x0008)  // sizes are in the header: no data descriptor
                var local = Data()
                local.appendUInt32(0x0403_4B50)
                local.appendUInt16(20)
                local.appendUInt16(flags)
                local.appendUInt16(0)  // stored
                local.appendUInt16(record.uint16(at: 12))  // time
                local.appendUInt16(record.uint16(at: 14))  // date
                local.appendUInt32(crc)
                local.appendUInt32(UInt32(xml.count))
                local.appendUInt32(UInt32(xml.count))
                let name = Data(entry.name.utf8)
                local.appendUInt16(UInt16(name.count))
                local.appendUInt16(0)
                local.append(name)
                try output.write(contentsOf: local)
                try output.write(contentsOf: xml)
                written += UInt64(local.count + xml.count)
                record.setUInt16(flags, at: 8)
                record.setUInt16(0, at: 10)
                record.setUInt32(crc, at: 16)
                record.setUInt32(UInt32(xml.count), at: 20)
                record.setUInt32(UInt32(xml.count), at: 24)
            } else {
                let next = index + 1 < records.count ? records[index + 1].offset : directoryOffset
                try input.seek(toOffset: entry.offset)
                var remaining = next - entry.offset
                while remaining > 0 {
                    let chunk = try input.read(upToCount: Int(min(remaining, 1 << 20))) ?? Data()
                    guard !chunk.isEmpty else { throw malformed("short entry") }
                    try output.write(contentsOf: chunk)
                    remaining -= UInt64(chunk.count)
                }
                written += next - entry.offset
            }
            newDirectory.append(record)
        }
        guard written <= UInt64(UInt32.max) else { throw malformed("larger than 4 GiB") }
        var newEnd = end
        newEnd.setUInt32(UInt32(newDirectory.count), at: 12)
        newEnd.setUInt32(UInt32(written), at: 16)
        try output.write(contentsOf: newDirectory)
        try output.write(contentsOf: newEnd)
    }

    private static func malformed(_ what: String) -> XLSXError {
        XLSXError.chartLanguage("the workbook libxlsxwriter wrote is not a ZIP file Hamkor can copy: \(what)")
    }
}

private extension Data {
    func uint16(at offset: Int) -> UInt16 {
        UInt16(self[startIndex + offset]) | UInt16(self[startIndex + offset + 1]) << 8
    }

    func uint32(at offset: Int) -> UInt32 {
        UInt32(uint16(at: offset)) | UInt32(uint16(at: offset + 2)) << 16
    }

    mutating func setUInt16(_ value: UInt16, at offset: Int) {
        self[startIndex + offset] = UInt8(value & 0xFF)
        self[startIndex + offset + 1] = UInt8(value >> 8)
    }

    mutating func setUInt32(_ value: UInt32, at offset: Int) {
        setUInt16(UInt16(value & 0xFFFF), at: offset)
        setUInt16(UInt16(value >> 16), at: offset + 2)
    }

    mutating func appendUInt16(_ value: UInt16) { append(UInt8(value & 0xFF)); append(UInt8(value >> 8)) }

    mutating func appendUInt32(_ value: UInt32) { appendUInt16(UInt16(value & 0xFFFF)); appendUInt16(UInt16(value >> 16)) }
}
