import Foundation

/// Writes numbers as plain ASCII digits (`-1234.5`) straight into a byte buffer, with a chosen
/// decimal mark and no grouping — the machine form CSV needs, without a formatter per cell.
///
/// Decimals are read through their significand and exponent. The significand is taken from the
/// value's memory when that layout has been verified at start-up against `Decimal.description`
/// (it is then a few nanoseconds); otherwise, or when it does not fit 64 bits, through
/// Foundation's own rounding and `description`.
enum MachineNumber {
    /// Appends an integer.
    @inline(__always)
    static func append(_ value: Int, to out: inout ByteBuffer) {
        out.reserve(20)
        if value < 0 { out.appendReserved(UInt8(ascii: "-")) }
        withDigits(of: UInt64(value.magnitude)) { out.appendReserved($0) }
    }

    /// Appends `value × 10^shift` with `fractionDigits` digits after the mark (rounded half to
    /// even, as ICU displays), or with its natural digits when `fractionDigits` is `nil`
    /// (trailing fraction zeros dropped).
    static func append(_ value: Decimal, shift: Int = 0, fractionDigits: Int?, decimalMark: UInt8, to out: inout ByteBuffer) {
        if let (mantissa, exponent) = parts(of: value) {
            appendFixed(negative: value.isSignMinus, mantissa: mantissa, exponent: exponent + shift,
                        fractionDigits: fractionDigits, decimalMark: decimalMark, to: &out)
        } else {
            appendSlow(value, shift: shift, fractionDigits: fractionDigits, decimalMark: decimalMark, to: &out)
        }
    }

    /// The value as a plain string with `.` (for tests and non-streaming callers).
    static func string(_ value: Decimal, shift: Int = 0, fractionDigits: Int?) -> String {
        var bytes = ByteBuffer(capacity: 64)
        append(value, shift: shift, fractionDigits: fractionDigits, decimalMark: UInt8(ascii: "."), to: &bytes)
        return bytes.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: Fast path

    /// Whether the significand can be read from memory: 8 little-endian 16-bit words at offset 4
    /// (the layout of both Darwin's `NSDecimal` and swift-foundation's `Decimal`), checked here.
    static let layoutVerified: Bool = {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        let probes = ["0", "-1234.56", "0.253", "18446744073709551615", "-0.0001", "42", "1000000", "987654321.123456789"]
        for text in probes {
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return false }
            let raw = rawMantissa(value)
            guard raw.high == 0 else { return false }
            var bytes = ByteBuffer(capacity: 64)
            appendFixed(negative: value.isSignMinus, mantissa: raw.low, exponent: value.exponent,
                        fractionDigits: nil, decimalMark: UInt8(ascii: "."), to: &bytes)
            if bytes.withBytes({ String(decoding: $0, as: UTF8.self) }) != value.description { return false }
        }
        return true
    }()

    @inline(__always)
    private static func rawMantissa(_ value: Decimal) -> (low: UInt64, high: UInt64) {
        withUnsafeBytes(of: value) { raw in
            (UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt64.self)),
             UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 12, as: UInt64.self)))
        }
    }

    @inline(__always)
    static func parts(of value: Decimal) -> (UInt64, Int)? {
        guard layoutVerified, !value.isNaN else { return nil }
        let raw = rawMantissa(value)
        guard raw.high == 0 else { return nil }
        return (raw.low, value.exponent)
    }

    private static let powersOfTen: [UInt64] = (0...19).map { exponent in
        (0..<exponent).reduce(UInt64(1)) { product, _ in product * 10 }
    }

    static func appendFixed(negative: Bool, mantissa: UInt64, exponent: Int, fractionDigits: Int?,
                            decimalMark: UInt8, to out: inout ByteBuffer) {
        var mantissa = mantissa
        var scale = max(0, -exponent)  // digits after the mark in `mantissa`
        var trailingZeros = max(0, exponent)  // zeros to append to the integer part
        if let digits = fractionDigits, scale > digits {
            let drop = scale - digits
            if drop > 19 {
                mantissa = 0
            } else {
                let divisor = powersOfTen[drop]
                let quotient = mantissa / divisor, remainder = mantissa % divisor
                let half = divisor / 2
                var rounded = quotient
                if remainder > half || (remainder == half && divisor > 1 && quotient % 2 == 1) { rounded += 1 }
                mantissa = rounded
            }
            scale = digits
        }
        var targetScale = fractionDigits ?? scale
        if fractionDigits == nil {
            while scale > 0, mantissa % 10 == 0 { mantissa /= 10; scale -= 1 }
            targetScale = scale
        }
        if mantissa == 0 { trailingZeros = 0 }
        // Sign, up to 20 digits, the mark, and the zeros before and after the digits.
        out.reserve(23 + trailingZeros + max(scale, targetScale))
        if negative && mantissa != 0 { out.appendReserved(UInt8(ascii: "-")) }
        withDigits(of: mantissa) { all in
            let count = all.count
            if scale == 0 {
                out.appendReserved(all)
                for _ in 0..<trailingZeros { out.appendReserved(UInt8(ascii: "0")) }
            } else if count > scale {
                out.appendReserved(UnsafeBufferPointer(rebasing: all[..<(count - scale)]))
                out.appendReserved(decimalMark)
                out.appendReserved(UnsafeBufferPointer(rebasing: all[(count - scale)...]))
            } else {
                out.appendReserved(UInt8(ascii: "0"))
                out.appendReserved(decimalMark)
                for _ in 0..<(scale - count) { out.appendReserved(UInt8(ascii: "0")) }
                out.appendReserved(all)
            }
        }
        if targetScale > scale {
            if scale == 0 { out.appendReserved(decimalMark) }
            for _ in 0..<(targetScale - scale) { out.appendReserved(UInt8(ascii: "0")) }
        }
    }

    /// Calls `body` with the decimal digits of `value`, most significant first.
    @inline(__always)
    private static func withDigits<R>(of value: UInt64, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes, enough for 20 digits
        return withUnsafeMutableBytes(of: &scratch) { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var n = 0
            var m = value
            repeat {
                bytes[23 - n] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: m % 10)
                m /= 10
                n += 1
            } while m > 0
            return body(UnsafeBufferPointer(rebasing: bytes[(24 - n)...]))
        }
    }

    // MARK: Slow path

    private static func appendSlow(_ value: Decimal, shift: Int, fractionDigits: Int?, decimalMark: UInt8, to out: inout ByteBuffer) {
        var value = value
        if shift != 0 {
            var scaled = Decimal()
            var power = Decimal(1)
            for _ in 0..<abs(shift) { power *= 10 }
            _ = shift > 0 ? NSDecimalMultiply(&scaled, &value, &power, .plain) : NSDecimalDivide(&scaled, &value, &power, .plain)
            value = scaled
        }
        if let digits = fractionDigits {
            var rounded = Decimal()
            NSDecimalRound(&rounded, &value, digits, .bankers)
            value = rounded
        }
        var text = value.description  // plain digits with `.`
        if text.hasPrefix("-"), value.isZero { text.removeFirst() }
        if let digits = fractionDigits {
            let current = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
            if current == 0 && digits > 0 { text += "." }
            if digits > current { text += String(repeating: "0", count: digits - current) }
        }
        for byte in text.utf8 { out.append(byte == UInt8(ascii: ".") ? decimalMark : byte) }
    }
}
