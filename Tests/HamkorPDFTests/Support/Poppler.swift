import Foundation

/// Runs poppler's command-line tools (Debian's poppler-utils) on a PDF file: the tests read
/// every PDF back the way a user's tools would.
enum Poppler {
    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// `pdfinfo` as a dictionary (`Title`, `Pages`, `Page size`, …).
    static func info(_ url: URL) throws -> (fields: [String: String], stderr: String) {
        let output = try run("pdfinfo", ["-isodates", url.path])
        var fields: [String: String] = [:]
        for line in output.text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (fields, output.stderr)
    }

    /// The text of each page, in content order (`pdftotext -raw`), pages split at form feeds.
    static func pages(_ url: URL) throws -> [String] {
        var pages = try run("pdftotext", ["-raw", "-enc", "UTF-8", url.path, "-"]).text.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    /// `pdffonts` rows: name, type, embedded, subset.
    static func fonts(_ url: URL) throws -> [(name: String, embedded: Bool, subset: Bool)] {
        let lines = try run("pdffonts", [url.path]).text.split(separator: "\n").dropFirst(2)
        return lines.map { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            // name type [type…] encoding emb sub uni object ID: emb/sub/uni are the 5th-to-last… fields
            let count = fields.count
            return (String(fields[0]), fields[count - 5] == "yes", fields[count - 4] == "yes")
        }
    }

    /// Every word's box (`pdftotext -bbox`), in points, per page.
    static func wordBoxes(_ url: URL) throws -> [[(word: String, xMin: Double, yMin: Double, xMax: Double, yMax: Double)]] {
        let html = try run("pdftotext", ["-bbox", url.path, "-"]).text
        var pages: [[(String, Double, Double, Double, Double)]] = []
        for line in html.split(separator: "\n") {
            if line.contains("<page ") { pages.append([]); continue }
            guard line.contains("<word "), !pages.isEmpty else { continue }
            func value(_ key: String) -> Double {
                guard let range = line.range(of: "\(key)=\"") else { return .nan }
                return Double(line[range.upperBound...].prefix { $0 != "\"" }) ?? .nan
            }
            let word = line.split(separator: ">").dropFirst().first?.split(separator: "<").first.map(String.init) ?? ""
            pages[pages.count - 1].append((word, value("xMin"), value("yMin"), value("xMax"), value("yMax")))
        }
        return pages
    }

    /// Text normalised for comparison: no-break and narrow spaces as spaces, runs of white
    /// space as one space.
    static func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
