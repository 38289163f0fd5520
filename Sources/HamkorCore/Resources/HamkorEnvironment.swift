import Foundation

/// Every environment variable Hamkor reads, each validated with an error a person can act on
/// (rather than a crash on `SOURCE_DATE_EPOCH=1e17`, or a silent fallback). An empty value
/// counts as unset. Add a variable here when Hamkor starts reading one.
public enum HamkorEnvironment {
    /// The variables and what each accepts, for `--help` texts and the README.
    public static let variables: [(name: String, accepts: String)] = [
        ("SOURCE_DATE_EPOCH", "whole seconds since 1970-01-01 UTC, 1 to \(maxEpoch) (9999-12-31)"),
        ("HAMKOR_RESOURCES", "a folder holding Localization/ and Reports/"),
        ("HAMKOR_TIMINGS", "1 to print phase timings, 0 or empty for none"),
    ]

    /// The latest `SOURCE_DATE_EPOCH` accepted: 9999-12-31T23:59:59Z, the last second every
    /// output format can write as a date.
    public static let maxEpoch: Int64 = 253_402_300_799

    /// A variable Hamkor cannot use (exit 64).
    public struct Invalid: Error, CustomStringConvertible, Sendable {
        public var name: String
        public var value: String
        public var expected: String
        public var description: String {
            "\(name)='\(TerminalText.excerpt(value, 40))' is not valid: expected \(expected); fix or unset it"
        }
    }

    /// Checks every variable Hamkor reads; the first invalid one is thrown.
    public static func check(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(Invalid) {
        _ = try sourceDateEpoch(environment)
        _ = try resources(environment)
        _ = try timings(environment)
    }

    /// `SOURCE_DATE_EPOCH` (the reproducible-builds convention): ASCII digits only, no sign,
    /// exponent or fraction, 1 to ``maxEpoch``. Zero is refused because the XLSX library takes a
    /// creation time of 0 to mean "now", so the workbook would not be reproducible.
    public static func sourceDateEpoch(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(Invalid) -> Date? {
        guard let text = try value("SOURCE_DATE_EPOCH", environment) else { return nil }
        let expected = variables[0].accepts
        guard text.utf8.count <= 20, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let seconds = Int64(text), (1...maxEpoch).contains(seconds) else {
            throw Invalid(name: "SOURCE_DATE_EPOCH", value: text, expected: expected)
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// `HAMKOR_RESOURCES`: a path (its contents are checked by ``ResourceLocator``).
    public static func resources(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(Invalid) -> String? {
        try value("HAMKOR_RESOURCES", environment)
    }

    /// `HAMKOR_TIMINGS`: `1` or `0`.
    public static func timings(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(Invalid) -> Bool {
        guard let text = try value("HAMKOR_TIMINGS", environment) else { return false }
        guard text == "0" || text == "1" else { throw Invalid(name: "HAMKOR_TIMINGS", value: text, expected: variables[2].accepts) }
        return text == "1"
    }

    /// A variable's value, `nil` when unset or empty; refused when it is not UTF-8 (the runtime
    /// shows such bytes as U+FFFD, so the value would not be what was set).
    public static func value(_ name: String, _ environment: [String: String]) throws(Invalid) -> String? {
        guard let text = environment[name], !text.isEmpty else { return nil }
        if text.unicodeScalars.contains("\u{FFFD}") || text.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            let accepts = variables.first { $0.name == name }?.accepts ?? "text"
            throw Invalid(name: name, value: text, expected: "\(accepts), as UTF-8 text without control characters")
        }
        return text
    }
}
