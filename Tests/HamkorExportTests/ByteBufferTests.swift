import Testing
@testable import HamkorExport

@Suite struct ByteBufferTests {
    @Test func growsAndKeepsEveryByte() {
        var buffer = ByteBuffer(capacity: 64)
        var expected: [UInt8] = []
        for round in 0..<300 {
            let piece = (0..<(round % 17)).map { UInt8(truncatingIfNeeded: round &+ $0) }
            buffer.append(piece)
            buffer.append(UInt8(truncatingIfNeeded: round))
            expected += piece + [UInt8(truncatingIfNeeded: round)]
        }
        #expect(buffer.count == expected.count)
        #expect(buffer.withBytes { Array($0) } == expected)
        buffer.removeAll()
        #expect(buffer.count == 0)
        buffer.reserve(3)
        buffer.appendReserved(1)
        [UInt8]([2, 3]).withUnsafeBufferPointer { buffer.appendReserved($0) }
        #expect(buffer.withBytes { Array($0) } == [1, 2, 3])
    }
}
