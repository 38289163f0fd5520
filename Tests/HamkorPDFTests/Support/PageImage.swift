import Foundation

/// A page rendered to a grey image by `pdftoppm` (binary PGM), for checks a reader makes at a
/// glance: is there anything on the page, and does ink stay inside the margins.
struct PageImage {
    var width: Int
    var height: Int
    var pixels: [UInt8]
    var dotsPerInch: Double

    /// Every page of a PDF at a low resolution.
    static func pages(of url: URL, dotsPerInch: Int = 24) throws -> [PageImage] {
        let prefix = url.deletingPathExtension().path + "-img"
        let output = try Poppler.run("pdftoppm", ["-r", String(dotsPerInch), "-gray", url.path, prefix])
        guard output.status == 0 else { throw CocoaError(.fileReadCorruptFile) }
        let folder = url.deletingLastPathComponent()
        let stem = URL(fileURLWithPath: prefix).lastPathComponent
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix(stem + "-") && $0.hasSuffix(".pgm") }
            .sorted { Int($0.dropFirst(stem.count + 1).dropLast(4))! < Int($1.dropFirst(stem.count + 1).dropLast(4))! }
        return try files.map { name in
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            return try PageImage(pgm: [UInt8](data), dotsPerInch: Double(dotsPerInch))
        }
    }

    init(pgm bytes: [UInt8], dotsPerInch: Double) throws {
        // "P5" WIDTH HEIGHT MAXVAL, each after white space, then one white space byte and the pixels.
        var fields: [Int] = []
        var index = 2
        while fields.count < 3 {
            while bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
            var number = 0
            while (0x30...0x39).contains(bytes[index]) { number = number * 10 + Int(bytes[index] - 0x30); index += 1 }
            fields.append(number)
        }
        index += 1
        width = fields[0]
        height = fields[1]
        pixels = Array(bytes[index..<index + width * height])
        self.dotsPerInch = dotsPerInch
    }

    /// Pixels darker than `threshold` inside a rectangle given in points.
    func ink(xFrom: Double, xTo: Double, yFrom: Double, yTo: Double, threshold: UInt8 = 150) -> Int {
        let scale = dotsPerInch / 72
        let x0 = max(0, Int((xFrom * scale).rounded(.down))), x1 = min(width, Int((xTo * scale).rounded(.up)))
        let y0 = max(0, Int((yFrom * scale).rounded(.down))), y1 = min(height, Int((yTo * scale).rounded(.up)))
        var count = 0
        for y in y0..<max(y0, y1) {
            for x in x0..<max(x0, x1) where pixels[y * width + x] < threshold { count += 1 }
        }
        return count
    }
}
