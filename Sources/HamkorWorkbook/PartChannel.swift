import Foundation

/// A bounded hand-over of decompressed chunks from the thread that inflates a ZIP entry to the
/// thread that parses it: at most `capacity` chunks wait, so memory stays flat however large the part.
final class PartChannel: @unchecked Sendable {
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var finished = false
    private var cancelled = false
    private var failure: Error?
    private let capacity: Int

    init(capacity: Int = 4) { self.capacity = capacity }

    /// Called by the producer; blocks while the channel is full, throws once the reader gave up.
    func push(_ chunk: Data) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        chunks.append(chunk)
        condition.broadcast()
    }

    /// Called by the producer when the part ends, with the error that ended it, if any.
    func finish(_ error: Error?) {
        condition.lock()
        finished = true
        if failure == nil, let error, !(error is Cancelled) { failure = error }
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk, or `nil` at the end of the part (or after a failure).
    func pull() -> Data? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !finished && !cancelled { condition.wait() }
        guard !chunks.isEmpty, !cancelled else { return nil }
        let chunk = chunks.removeFirst()
        condition.broadcast()
        return chunk
    }

    /// Stops the producer at its next chunk.
    func cancel() {
        condition.lock()
        cancelled = true
        chunks.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the producer to finish and returns its error, if it failed.
    func waitUntilFinished() -> Error? {
        condition.lock()
        defer { condition.unlock() }
        while !finished { condition.wait() }
        return failure
    }
}

/// An `InputStream` over a ``PartChannel``, so Foundation's `XMLParser` pulls a part chunk by chunk.
final class PartInputStream: InputStream {
    private let channel: PartChannel
    private var current = Data()
    private var offset = 0
    private var ended = false

    init(channel: PartChannel) {
        self.channel = channel
        super.init(data: Data())
    }

    override func open() {}
    override func close() {}
    override var hasBytesAvailable: Bool { !ended }
    override var streamStatus: Stream.Status { ended ? .atEnd : .open }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
        while offset >= current.count {
            guard let next = channel.pull() else { ended = true; return 0 }
            current = next
            offset = 0
        }
        let count = min(length, current.count - offset)
        current.withUnsafeBytes { raw in
            let base = raw.bindMemory(to: UInt8.self).baseAddress!
            buffer.update(from: base + offset, count: count)
        }
        offset += count
        return count
    }
}
