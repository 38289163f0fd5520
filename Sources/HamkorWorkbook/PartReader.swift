import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads one part (ZIP entry) of a workbook: inflated on a helper thread and handed to the
/// parser in 64 KiB chunks, never held whole. Enforces the size and ratio bounds of
/// ``WorkbookLimits`` on the bytes actually inflated (an entry's declared size can lie), and
/// refuses document type declarations, which OOXML never uses and entity bombs need.
struct PartReader {
    let archive: Archive
    let limits: WorkbookLimits

    /// Feeds the part's bytes to `consume` in order; `consume` returning false stops early.
    func stream(_ entry: Entry, maxBytes: Int, consume: (Data) throws -> Void) throws {
        let limit = min(maxBytes, max(1 << 20, Int(clamping: entry.compressedSize) &* limits.maxCompressionRatio))
        var total = 0
        var guardState = DoctypeGuard()
        _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
            total += chunk.count
            if total > limit { throw Self.tooLarge(entry, limit: limit) }
            try guardState.check(chunk, part: entry.path)
            try consume(chunk)
        }
    }

    /// Runs `delegate` over the part with `XMLParser`, inflating on a helper thread.
    func parse(_ entry: Entry, maxBytes: Int, delegate: some XMLParserDelegate & PartDelegate) throws {
        let channel = PartChannel()
        let box = UncheckedBox(self)
        let entryBox = UncheckedBox(entry)
        let thread = Thread {
            do {
                try box.value.stream(entryBox.value, maxBytes: maxBytes) { try channel.push($0) }
                channel.finish(nil)
            } catch {
                channel.finish(error)
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
        let parser = XMLParser(stream: PartInputStream(channel: channel))
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let parsed = parser.parse()
        channel.cancel()
        let producerFailure = channel.waitUntilFinished()
        if let failure = delegate.failure { throw failure }
        if let producerFailure {
            if let error = producerFailure as? WorkbookError { throw error }
            throw WorkbookError.notWorkbook("part \(entry.path) is damaged (\(producerFailure))")
        }
        if !parsed, !delegate.stoppedEarly {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "malformed XML"
            throw WorkbookError("part \(entry.path) is not well-formed XML (line \(parser.lineNumber)): \(reason)")
        }
    }

    static func tooLarge(_ entry: Entry, limit: Int) -> WorkbookError {
        WorkbookError("part \(entry.path) inflates to more than \(limit / 1_048_576) MiB (from \(entry.compressedSize) compressed bytes); "
                      + "a workbook this compressed is refused as a possible zip bomb")
    }
}

/// What every part parser reports back to ``PartReader``.
protocol PartDelegate: AnyObject {
    /// The error that made the parser abort, if any.
    var failure: WorkbookError? { get }
    /// True when the delegate aborted on purpose, having read all it needed.
    var stoppedEarly: Bool { get }
}

/// Carries a non-Sendable value to the inflating thread; the parsing thread does not touch it meanwhile.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Refuses `<!DOCTYPE` and `<!ENTITY` anywhere in a part (comments and CDATA stay allowed),
/// looking across chunk boundaries.
struct DoctypeGuard {
    private var tail: [UInt8] = []

    mutating func check(_ chunk: Data, part: String) throws {
        var window = tail
        window.append(contentsOf: chunk.prefix(16))
        if Self.findsDeclaration(window) { throw Self.refusal(part) }
        let found = chunk.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            let count = bytes.count
            while index + 2 < count {
                if bytes[index] == 0x3C && bytes[index + 1] == 0x21 {  // "<!"
                    let next = bytes[index + 2]
                    if next == UInt8(ascii: "D") || next == UInt8(ascii: "E") || next == UInt8(ascii: "d") || next == UInt8(ascii: "e") {
                        return true
                    }
                }
                index += 1
            }
            return false
        }
        if found { throw Self.refusal(part) }
        tail = Array(chunk.suffix(2))
    }

    private static func findsDeclaration(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 3 else { return false }
        for index in 0..<(bytes.count - 2) where bytes[index] == 0x3C && bytes[index + 1] == 0x21 {
            if [UInt8(ascii: "D"), UInt8(ascii: "E"), UInt8(ascii: "d"), UInt8(ascii: "e")].contains(bytes[index + 2]) { return true }
        }
        return false
    }

    private static func refusal(_ part: String) -> WorkbookError {
        WorkbookError("part \(part) holds a document type or entity declaration, which workbooks never need; refused")
    }
}
