import Foundation
import Testing
@testable import HamkorCore

/// The id table finds each repeated id's first row, as a dictionary of ids would, with the rows
/// in one part or split between several, repeats close together or far apart.
@Suite struct IdentifierTableTests {
    @Test func everyRepeatNamesTheFirstRowWithThatID() {
        var random = SplitMix(seed: 23)
        // Few distinct ids among many rows (repeats close together), then many (repeats far apart);
        // ids equal as `String`s but written differently (NFC and NFD) are the same id.
        // 5,000 rows make one part, 200,000 several.
        for (distinct, count) in [(5, 5_000), (40, 5_000), (3_000, 5_000), (150_000, 200_000)] {
            let ids = (0..<count).map { _ -> String in
                let n = Int.random(in: 0..<distinct, using: &random)
                return n % 7 == 0 ? (Bool.random(using: &random) ? "café-\(n)" : "cafe\u{301}-\(n)") : "prj-\(n)"
            }
            var reference: [(row: Int, first: Int)] = []
            var firstRow: [String: Int] = [:]
            for (row, id) in ids.enumerated() {
                if let first = firstRow[id] { reference.append((row, first)) } else { firstRow[id] = row }
            }
            var found: [(row: Int, first: Int)] = []
            let table = IdentifierTable(ids: ids, duplicates: &found)
            #expect(found.map(\.row) == reference.map(\.row) && found.map(\.first) == reference.map(\.first), "\(distinct) ids")
            for (id, row) in firstRow { #expect(table.row(of: id) == row) }
            #expect(table.row(of: "none") == nil)
        }
    }
}
