import Foundation
import Testing

/// Compares `text` with `Goldens/<named>` beside this test target; re-records it instead when
/// the environment has `HAMKOR_RECORD_GOLDENS=1`. On a mismatch, records an issue with a line
/// diff (`-` expected, `+` actual, with two lines of context).
func assertGolden(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    assertGolden(Data(text.utf8), named: name, sourceLocation: sourceLocation)
}

/// Byte-exact golden comparison (for files with a byte-order mark or CRLF line ends).
func assertGolden(_ bytes: [UInt8], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    assertGolden(Data(bytes), named: name, sourceLocation: sourceLocation)
}

func assertGolden(_ data: Data, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = GoldenFiles.folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["HAMKOR_RECORD_GOLDENS"] == "1" {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        } catch {
            Issue.record("cannot record golden \(name): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = FileManager.default.contents(atPath: url.path) else {
        Issue.record("golden \(name) is missing; run with HAMKOR_RECORD_GOLDENS=1 to record it", sourceLocation: sourceLocation)
        return
    }
    guard expected != data else { return }
    let diff = GoldenFiles.lineDiff(expected: String(decoding: expected, as: UTF8.self), actual: String(decoding: data, as: UTF8.self))
    Issue.record("output differs from golden \(name) (re-record with HAMKOR_RECORD_GOLDENS=1):\n\(diff)",
                 sourceLocation: sourceLocation)
}

enum GoldenFiles {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Goldens")

    /// A line diff from the longest common subsequence; CR, tab and BOM shown visibly.
    static func lineDiff(expected: String, actual: String, context: Int = 2) -> String {
        func lines(_ text: String) -> [String] {
            text.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "\r", with: "␍").replacingOccurrences(of: "\t", with: "␉")
                    .replacingOccurrences(of: "\u{FEFF}", with: "<BOM>")
            }
        }
        let a = lines(expected), b = lines(actual)
        guard a.count * b.count <= 4_000_000 else {
            let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            return "first difference at line \(first + 1):\n- \(first < a.count ? a[first] : "<end>")\n+ \(first < b.count ? b[first] : "<end>")"
        }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var ops: [(Character, String)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] { ops.append((" ", a[i])); i += 1; j += 1 }
            else if j < b.count, i == a.count || table[i][j + 1] >= table[i + 1][j] { ops.append(("+", b[j])); j += 1 }
            else { ops.append(("-", a[i])); i += 1 }
        }
        let changed = Set(ops.indices.filter { ops[$0].0 != " " })
        var output: [String] = []
        var lastShown = -1
        for index in ops.indices where changed.contains(where: { abs($0 - index) <= context }) {
            if lastShown >= 0, index > lastShown + 1 { output.append("@@") }
            output.append("\(ops[index].0) \(ops[index].1)")
            lastShown = index
        }
        return output.joined(separator: "\n")
    }
}
