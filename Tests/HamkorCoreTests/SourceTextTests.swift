import Foundation
import Testing
@testable import HamkorCore

/// The one-pass check of a file's bytes: which error wins when a file has several, and where
/// each is located (lines, and columns in scalars; a byte order mark inside the file counted
/// from the text's start, after a leading one).
@Suite struct SourceTextTests {
    /// The single problem `bytes` are refused with, as `line:column message`, or `nil`.
    static func problem(_ bytes: [UInt8]) -> String? {
        do {
            _ = try SourceText.decode(Data(bytes), file: "f")
            return nil
        } catch DataError.invalid(let problems) {
            return problems.map { "\($0.location.line):\($0.location.column) \($0.message)" }.joined(separator: "; ")
        } catch {
            return "\(error)"
        }
    }

    @Test func theErrorsKeepTheirPrecedenceAndPlaces() throws {
        let a = UInt8(ascii: "a"), lf = UInt8(ascii: "\n")
        #expect(Self.problem([a, 0x01, a, 0xFF]) == "1:4 invalid UTF-8 (byte 0xFF); save the file as UTF-8")
        #expect(Self.problem([0xFF, a, a, 0x00]) == "1:4 file contains a NUL byte: it is binary or UTF-16, not UTF-8 text")
        #expect(Self.problem([a, lf, 0xE2, 0x80, a]) == "2:1 invalid UTF-8 (byte 0xE2); save the file as UTF-8")
        #expect(Self.problem([a, lf, 0xC2, 0x85, 0x7F]) == "2:1 the control character U+0085 is not allowed in Hamkor files; remove it")
        #expect(Self.problem([a, 0x7F, 0xEF, 0xBB, 0xBF]) == "1:2 the control character U+007F is not allowed in Hamkor files; remove it")
        #expect(Self.problem([0xEF, 0xBB, 0xBF, a, 0xEF, 0xBB, 0xBF]) == "1:2 byte order mark (U+FEFF) inside the file; remove it")
        #expect(Self.problem([a, lf, 0xD0, 0x96, 0xEF, 0xBB, 0xBF]) == "2:2 byte order mark (U+FEFF) inside the file; remove it")
        #expect(Self.problem([0xFF, 0xFE, a, 0x00]) == "1:1 file is UTF-16; save it as UTF-8")
        #expect(Self.problem([0xEF, 0xBB, 0xBF, 0xD0, 0x96, 0x09, 0x0D, lf, 0xF0, 0x9F, 0x98, 0x80]) == nil)
        #expect(try SourceText.decode(Data([0xEF, 0xBB, 0xBF, a, 0xD0, 0x96]), file: "f") == "aЖ")
    }

    /// Random texts long enough for the vector scan, with broken, overlong and surrogate
    /// sequences among them: the check with the vector scan refuses what the byte path alone
    /// refuses, with the same message at the same place, and screens the same.
    @Test func theVectorScanDecidesAsTheBytePathDoes() throws {
        var random = SplitMix(seed: 19)
        let pieces: [[UInt8]] = ["plain text, ", "abcdefghijklmnop", "Тепличный комплекс", "Buxoro viloyati — ", "İstixana kompleksi",
                                 "Oʻzbekiston", "\u{00A0}", "\u{0085}", "…", "\u{202E}", "\u{2068}", "\u{2069}", "\u{2025}",
                                 "\u{2030}", "\u{FFFE}", "\u{FEFF}", "\u{FFFD}", "\t", "\r\n", "\n", "\u{7F}", "\u{1}", "😀",
                                 "\u{0800}", "\u{D7FF}", "\u{10FFFF}", "ÀÿĀ߿"].map { Array($0.utf8) }
        let broken: [[UInt8]] = [[0x00], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xDF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
                                 [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
                                 [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80], [0xFF], [0xE2, 0x80], [0xD0], [0xF0, 0x9F, 0x98]]
        var refusedByBoth = 0
        for _ in 0..<4_000 {
            var bytes: [UInt8] = Int.random(in: 0..<20, using: &random) == 0 ? [0xEF, 0xBB, 0xBF] : []
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                if Int.random(in: 0..<60, using: &random) == 0 { bytes += broken.randomElement(using: &random)! }
                else { bytes += pieces[Int.random(in: 0..<(Bool.random(using: &random) ? 6 : pieces.count), using: &random)] }
            }
            func decision(vector: Bool) -> String {
                SourceText.$usesVectorScan.withValue(vector) {
                    var mayHoldRefused = false
                    do {
                        let start = try bytes.withUnsafeBufferPointer { try SourceText.check($0, file: "f", mayHoldRefused: &mayHoldRefused) }
                        return "accepted from \(start), may hold refused: \(mayHoldRefused)"
                    } catch DataError.invalid(let problems) {
                        return problems.map { "\($0.location.line):\($0.location.column) \($0.message)" }.joined(separator: "; ")
                    } catch {
                        return "\(error)"
                    }
                }
            }
            let exact = decision(vector: false)
            #expect(decision(vector: true) == exact, "\(bytes)")
            if !exact.hasPrefix("accepted") { refusedByBoth += 1 }
        }
        #expect(refusedByBoth > 500 && refusedByBoth < 3_500, "\(refusedByBoth) refused")
        // A scalar cut short at every place around the blocks, and one whole for contrast.
        for piece in [[0xE2, 0x80], [0xD0], [0xF0, 0x9F, 0x98], [0xE2], [0xE2, 0x80, 0x94]] as [[UInt8]] {
            for length in 0..<48 {
                let bytes = Array("Тепличный комплекс, Buxoro viloyati — ".utf8.prefix(length)) + piece + Array("\nabcdefghijklmnopqrstuvwxyz".utf8)
                guard String(validating: bytes.prefix(length), as: UTF8.self) != nil else { continue }
                let exact = SourceText.$usesVectorScan.withValue(false) { Self.problem(bytes) }
                #expect(Self.problem(bytes) == exact, "\(bytes)")
                #expect((exact == nil) == (piece.count == 3 && piece[2] == 0x94), "\(bytes)")
            }
        }
    }

    /// Every scalar, alone between plain letters: the check with the vector scan decides and
    /// screens as the byte path does. The kernel spells the screen's suspect bytes in C beside
    /// ``TextSafety/isSuspectThreeByteScalar(_:_:_:)``; this holds the two to one rule.
    @Test func theVectorScanScreensEveryScalarAsTheBytePathDoes() throws {
        let padding = Array(repeating: UInt8(ascii: "a"), count: 20)
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = padding + Array(String(scalar).utf8) + padding
            func decision(vector: Bool) -> String {
                SourceText.$usesVectorScan.withValue(vector) {
                    var mayHoldRefused = false
                    let accepted = (try? bytes.withUnsafeBufferPointer { try SourceText.check($0, file: "f", mayHoldRefused: &mayHoldRefused) }) != nil
                    return "\(accepted) \(mayHoldRefused)"
                }
            }
            if decision(vector: true) != decision(vector: false) { differing.append(value) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(20).map { String($0, radix: 16) })")
    }

    /// Reading into a reused buffer gives each file's bytes and length, a short file after a
    /// long one too, and refuses what reading into fresh memory refuses, with the same messages.
    /// Whether the check of `text` (which it accepts) finds characters a text field may refuse.
    static func mayHoldRefused(_ text: String) throws -> Bool {
        var text = text, found = false
        _ = try text.withUTF8 { try SourceText.check($0, file: "f", mayHoldRefused: &found) }
        return found
    }

    /// The check tells whether a file may hold what a text field refuses beyond what the check
    /// refuses itself: tabs, bidirectional controls, noncharacters (and the ellipsis that shares
    /// their bytes), wherever they are; other text, line breaks and all, passes the screen.
    @Test func theCheckScreensForCharactersTextFieldsRefuse() throws {
        for clean in ["", "id,name\np-1,Plain\r\n", "Тепличный комплекс — Бухоро, oʻgʻ ‘x’ №1\n", "🌱 €5 \u{00A0}\u{2003}\u{3000}\u{2019}"] {
            #expect(try !Self.mayHoldRefused(clean), "\(clean.unicodeScalars.map(\.value))")
        }
        var refused = ["\t", "\u{FFFE}", "\u{FFFF}", "\u{2026}"]
        refused += (0x202A...0x202E).map { String(UnicodeScalar($0)!) } + (0x2066...0x2069).map { String(UnicodeScalar($0)!) }
        for character in refused {
            for text in [character, "Tepli\(character)chnyi", String(repeating: "abcdefgh", count: 3) + "Ж" + character + "\n"] {
                #expect(try Self.mayHoldRefused(text), "\(text.unicodeScalars.map(\.value))")
            }
        }
    }

    /// What the check decides, by a scalar-by-scalar reading: whether it accepts the bytes, and
    /// then whether they hold a tab, a noncharacter, or a scalar of U+2026–U+202E or U+2066–U+206E.
    static func reference(_ bytes: [UInt8]) -> (accepts: Bool, mayHoldRefused: Bool) {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return (false, false) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return (false, false) }
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        for scalar in scalars {
            let value = scalar.value
            if value == 0xFEFF || value == 0x7F || (0x80...0x9F).contains(value) { return (false, false) }
            if value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D { return (false, false) }
        }
        return (true, scalars.contains { $0 == "\t" || (0x2026...0x202E).contains($0.value) || (0x2066...0x206E).contains($0.value)
                                        || $0.value == 0xFFFE || $0.value == 0xFFFF })
    }

    /// Random texts of ASCII, Cyrillic, accented Latin and the characters at the check's edges,
    /// with stray bytes: the word-at-a-time check decides as the scalar reading does.
    @Test func theCheckAgreesWithAScalarReading() throws {
        var random = SplitMix(seed: 77)
        let pieces = ["plain text ", "abcdefgh", "Тепличный комплекс", "ёЁ", "İstixana", "Oʻzbek", "\u{00A0}", "\u{0085}", "—", "…",
                      "\u{202E}", "\u{2068}", "\u{206C}", "\u{FFFE}", "\u{FEFF}", "\t", "\r\n", "\n", "\u{7F}", "\u{1}", "😀", "ÀÿĀ߿"]
        let strays: [UInt8] = [0x00, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xF4, 0xF5, 0xFF]
        var accepted = 0
        for _ in 0..<5_000 {
            var bytes: [UInt8] = Int.random(in: 0..<20, using: &random) == 0 ? [0xEF, 0xBB, 0xBF] : []
            for _ in 0..<Int.random(in: 0...24, using: &random) {
                // Mostly text, now and then a stray byte that breaks a scalar apart.
                if Int.random(in: 0..<40, using: &random) == 0 { bytes.append(strays.randomElement(using: &random)!) }
                else { bytes += Array(pieces[Int.random(in: 0..<(Bool.random(using: &random) ? 6 : pieces.count), using: &random)].utf8) }
            }
            let expected = Self.reference(bytes)
            var mayHoldRefused = false
            let accepts = (try? bytes.withUnsafeBufferPointer { try SourceText.check($0, file: "f", mayHoldRefused: &mayHoldRefused) }) != nil
            #expect(accepts == expected.accepts, "\(bytes)")
            if accepts && expected.accepts {
                accepted += 1
                #expect(mayHoldRefused == expected.mayHoldRefused, "\(bytes)")
            }
        }
        #expect(accepted > 1_000, "\(accepted) accepted")
    }

    @Test func filesReadIntoOneBufferKeepTheirLengthsAndLimits() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hamkor-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url
        }
        func reason(_ body: () throws -> Void) -> String {
            do { try body(); return "read" } catch DataError.invalid(let problems) { return problems.map(\.message).joined() }
            catch DataError.unreadable(_, let reason) { return reason } catch DataError.notFound { return "not found" }
            catch { return "\(error)" }
        }
        var buffer: [UInt8] = []
        let long = try file("long.csv", Array(repeating: UInt8(ascii: "x"), count: 100_000))
        #expect(try SourceText.read(long, limit: 100_000, into: &buffer) == 100_000)
        let short = try file("short.csv", Array("id,name\n".utf8))
        let count = try SourceText.read(short, limit: 100_000, into: &buffer)
        #expect(Array(buffer[..<count]) == Array("id,name\n".utf8))
        #expect(try SourceText.read(try file("empty.csv", []), limit: 10, into: &buffer) == 0)
        for url in [long, short, folder, folder.appendingPathComponent("missing.csv")] {
            let fresh = reason { _ = try SourceText.readData(url, limit: 99_999) }
            #expect(reason { _ = try SourceText.read(url, limit: 99_999, into: &buffer) } == fresh, "\(url.lastPathComponent)")
        }
        #expect(reason { _ = try SourceText.read(long, limit: 99_999, into: &buffer) }.contains("larger than"))
        let fifo = folder.appendingPathComponent("fifo.csv")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        #expect(reason { _ = try SourceText.read(fifo, limit: 10, into: &buffer) }.contains("not a regular file"))
    }

    @Test func blankTextIsTold() {
        func blank(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { SourceText.isBlank($0) }
        }
        #expect(blank("") && blank(" \r\n\t") && blank("\u{00A0}\u{2003}\n"))
        #expect(!blank(" x ") && !blank("\u{00A0}Ж"))
    }
}
