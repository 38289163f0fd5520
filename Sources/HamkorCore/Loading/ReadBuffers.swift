import Synchronization

/// Byte buffers that readers borrow to read a file into and give back for the next file: a load
/// of many files reuses about one buffer per processor instead of fresh memory for every file
/// (which the system must map and clear page by page).
///
/// A buffer given back is kept only while more reads are to begin than buffers are kept, so
/// the last files' buffers are freed as soon as they are read, not held while the load finishes.
public final class ReadBuffers: Sendable {
    private struct State {
        var spare: [[UInt8]] = []
        var readsToBegin: Int
    }

    private let state: Mutex<State>

    /// Buffers for `reads` reads (the number of files), or for any number.
    public init(reads: Int = .max) {
        state = Mutex(State(readsToBegin: reads))
    }

    /// Calls `body` with a buffer (of any contents and size), which is kept for a later call if
    /// one may need it.
    public func withBuffer<T>(_ body: (inout [UInt8]) throws -> T) rethrows -> T {
        var buffer: [UInt8] = state.withLock { state in
            state.readsToBegin -= 1
            return state.spare.popLast() ?? []
        }
        defer {
            state.withLock { state in
                if state.spare.count < state.readsToBegin { state.spare.append(buffer) }
            }
        }
        return try body(&buffer)
    }
}
