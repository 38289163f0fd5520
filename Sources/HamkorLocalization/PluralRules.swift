import Foundation

/// A CLDR plural category.
public enum PluralCategory: String, CaseIterable, Sendable, Comparable {
    case zero, one, two, few, many, other

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// CLDR cardinal plural rules for Hamkor's languages.
///
/// The category is chosen from the number *as displayed* — `1` is `one` in English but `1.0`
/// is `other` — so callers pass the formatted operands, not a binary floating-point value.
/// Rules follow CLDR 44 `plurals.xml`:
/// - en: one → i = 1 and v = 0
/// - uz, az, tr: one → n = 1
/// - ru: one → v = 0 and i % 10 = 1 and i % 100 ≠ 11; few → v = 0 and i % 10 = 2..4 and
///   i % 100 ≠ 12..14; many → v = 0 and (i % 10 = 0 or i % 10 = 5..9 or i % 100 = 11..14)
public struct PluralRules: Sendable, Equatable {
    /// The categories this language distinguishes, in CLDR order (the PO plural index order).
    public let categories: [PluralCategory]
    private let rule: @Sendable (PluralOperands) -> PluralCategory
    private let name: String

    public static func == (lhs: PluralRules, rhs: PluralRules) -> Bool { lhs.name == rhs.name }

    /// The category for a number given as displayed digits (`"21"`, `"1.5"`, `"1,5"`).
    public func category(forDisplayed digits: String) -> PluralCategory {
        rule(PluralOperands(displayed: digits))
    }

    /// The category for an integer count.
    public func category(for count: Int) -> PluralCategory {
        rule(PluralOperands(integer: count))
    }

    /// The category for a decimal shown with exactly `fractionDigits` digits after the mark.
    public func category(for value: Decimal, fractionDigits: Int) -> PluralCategory {
        var rounded = Decimal()
        var source = value
        NSDecimalRound(&rounded, &source, fractionDigits, .plain)
        var text = NSDecimalNumber(decimal: rounded).stringValue
        if fractionDigits > 0 {
            if !text.contains(".") { text += "." }
            let have = text.split(separator: ".", omittingEmptySubsequences: false).last!.count
            text += String(repeating: "0", count: max(0, fractionDigits - have))
        }
        return category(forDisplayed: text)
    }

    /// The PO `plural=` index for a category (the position among ``categories``).
    public func index(of category: PluralCategory) -> Int {
        categories.firstIndex(of: category) ?? categories.count - 1
    }

    /// The category at a PO plural index.
    public func category(atIndex index: Int) -> PluralCategory? {
        categories.indices.contains(index) ? categories[index] : nil
    }

    public static let english = PluralRules(name: "en", categories: [.one, .other]) { op in
        op.i == 1 && op.v == 0 ? .one : .other
    }

    public static let uzbek = PluralRules(name: "uz", categories: [.one, .other]) { op in
        op.isExactlyOne ? .one : .other
    }

    public static let azerbaijani = PluralRules(name: "az", categories: [.one, .other]) { op in
        op.isExactlyOne ? .one : .other
    }

    public static let turkish = PluralRules(name: "tr", categories: [.one, .other]) { op in
        op.isExactlyOne ? .one : .other
    }

    public static let russian = PluralRules(name: "ru", categories: [.one, .few, .many, .other]) { op in
        guard op.v == 0 else { return .other }
        let mod10 = op.i % 10, mod100 = op.i % 100
        if mod10 == 1 && mod100 != 11 { return .one }
        if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
        return .many
    }

    private init(name: String, categories: [PluralCategory], rule: @escaping @Sendable (PluralOperands) -> PluralCategory) {
        self.name = name
        self.categories = categories
        self.rule = rule
    }
}

/// CLDR plural operands: `i` integer digits, `v` count of visible fraction digits, `f` the fraction digits.
struct PluralOperands: Equatable {
    var i: Int
    var v: Int
    var f: Int

    init(integer: Int) { i = abs(integer); v = 0; f = 0 }

    init(displayed: String) {
        let cleaned = displayed.filter { $0.isNumber || $0 == "." || $0 == "," }
        let parts = cleaned.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        // Only the last separator is a decimal mark when one is present among grouping marks;
        // Hamkor passes ungrouped digits, so one separator at most.
        let integerDigits = parts.count > 1 ? parts.dropLast().joined() : String(parts.first ?? "0")
        let fraction = parts.count > 1 ? String(parts.last!) : ""
        i = Int(integerDigits.suffix(18)) ?? 0
        v = fraction.count
        f = Int(fraction.prefix(18)) ?? 0
    }

    /// CLDR `n = 1`: the absolute value is exactly one, whatever the visible fraction (`1.0` counts).
    var isExactlyOne: Bool { i == 1 && f == 0 }
}
