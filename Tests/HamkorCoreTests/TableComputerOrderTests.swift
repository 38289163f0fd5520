import Foundation
import Testing
@testable import HamkorCore

@Suite struct TableComputerOrderTests {
    private func order(_ a: String, _ b: String) -> ComparisonResult {
        let x = Decimal(string: a)!, y = Decimal(string: b)!
        return TableComputer.order(x, y, approximately: NSDecimalNumber(decimal: x).doubleValue,
                                   NSDecimalNumber(decimal: y).doubleValue)
    }

    /// Numbers whose doubles are equal or nearly so are still ordered exactly.
    @Test func ordersExactlyWhereDoublesCannotTell() {
        #expect(order("466100000", "312540000") == .orderedDescending)
        #expect(order("-5", "3") == .orderedAscending)
        #expect(order("1200.50", "1200.5") == .orderedSame)
        // 20 significant digits: the same double, different numbers.
        #expect(order("12345678901234567890", "12345678901234567891") == .orderedAscending)
        #expect(order("0.10000000000000000001", "0.1") == .orderedDescending)
        #expect(order("99999999999999999999999999999", "99999999999999999999999999998") == .orderedDescending)
        #expect(order("0", "0.000") == .orderedSame)
    }
}
