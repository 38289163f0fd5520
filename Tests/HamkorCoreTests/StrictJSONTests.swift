import Foundation
import Testing
import Yams
@testable import HamkorCore

/// `.json` files are strict JSON; surrogate pairs become one character, and columns after
/// them stay where they were.
@Suite struct StrictJSONTests {
    func problem(_ json: String) -> String? {
        do { _ = try StrictJSON.compose(json, file: "f.json"); return nil } catch {
            if case .invalid(let problems) = error { return problems.first?.description }
            return "\(error)"
        }
    }

    @Test func validJSONComposes() throws {
        let root = try #require(try StrictJSON.compose(#"{"a": [1, -2.5e3, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9"], "b": {}}"#, file: "f.json"))
        #expect(root["a"]?[5]?.string == "x\"\\/\u{8}\u{C}\n\r\té")
    }

    @Test(arguments: [
        (#"{"a": 1,}"#, "f.json:1:8: error: trailing comma before '}'"),
        (#"[1, 2,]"#, "f.json:1:6: error: trailing comma before ']'"),
        ("{\"a\": 1} // c", "f.json:1:10: error: comments are not allowed"),
        ("{'a': 1}", "f.json:1:2: error: single quotes are not JSON"),
        ("{a: 1}", "f.json:1:2: error: object keys must be strings"),
        (#"{"a": 01}"#, "f.json:1:7: error: JSON numbers do not start with 0"),
        (#"{"a": 1.}"#, "f.json:1:7: error: a number needs digits after '.'"),
        (#"{"a": 1e}"#, "f.json:1:7: error: a number needs digits in its exponent"),
        (#"{"a": -}"#, "f.json:1:7: error: a number needs a digit after '-'"),
        (#"{"a": nul}"#, "f.json:1:7: error: not a JSON value"),
        (#"{"a": "\ud800x"}"#, "f.json:1:8: error: \\ud800 is the first half of a surrogate pair"),
        (#"{"a": "\u12"}"#, "f.json:1:8: error: \\u needs four hexadecimal digits"),
        (#"{"a": "x"#, "f.json:1:7: error: this string is never closed"),
        (#"{"a" 1}"#, "f.json:1:6: error: unexpected '1' after an object key; expected ':'"),
        ("[" + String(repeating: "[", count: 64), "f.json:1:65: error: nested more than 64 levels deep"),
    ])
    func invalidJSONIsLocated(_ json: String, _ expected: String) {
        let found = problem(json)
        #expect(found?.hasPrefix(expected) == true, "\(found ?? "accepted")")
    }

    @Test func surrogatePairsKeepLaterColumns() throws {
        let json = #"{"a": "\ud83d\ude00\ud83c\udf1e", "b": "\ud83d\ude00", "c": [1, {"d": 2}]}"#
        let root = try #require(try StrictJSON.compose(json, file: "f.json"))
        #expect(root["a"]?.string == "😀🌞")
        #expect(root["b"]?.string == "😀")
        let d = try #require(root["c"]?[1]?["d"])
        let column = json.distance(from: json.startIndex, to: json.range(of: #"2}"#)!.lowerBound) + 1
        #expect(d.mark?.line == 1 && d.mark?.column == column)
    }
}
