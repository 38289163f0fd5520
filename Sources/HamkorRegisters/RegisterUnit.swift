import Foundation

/// A unit written beside amounts in a register — `млн долл. США`, `ming soʻm`, `thousand USD` —
/// read as a multiplier and, when it names one, a currency.
public struct RegisterUnit: Sendable, Equatable {
    public var multiplier: Decimal
    public var currency: String?
    public var text: String

    /// Scale words in the five languages (matched at the start of a word, normalized).
    private static let scales: [(words: [String], multiplier: Decimal)] = [
        (["млрд", "миллиард", "mlrd", "milliard", "billion", "bn", "mlrd."], 1_000_000_000),
        (["млн", "миллион", "mln", "million", "milyon", "mn"], 1_000_000),
        (["тыс", "тысяч", "ming", "min", "thousand", "thous", "k", "минг"], 1_000),
    ]

    /// Currency names and signs in the five languages.
    private static let currencies: [(words: [String], code: String)] = [
        (["долл. сша", "доллар сша", "долларов сша", "долл.", "доллар", "aqsh dollari", "dollar", "usd", "$", "aqsh doll", "ақш доллари", "abş dolları"], "USD"),
        (["сум", "сўм", "so'm", "som", "uzs"], "UZS"),
        (["манат", "manat", "azn", "₼"], "AZN"),
        (["евро", "yevro", "avro", "euro", "eur", "€"], "EUR"),
        (["руб", "rubl", "rub", "₽"], "RUB"),
    ]

    /// Reads a unit; `nil` when it names neither a scale nor a currency.
    public init?(_ text: String) {
        let normalized = HeaderText.normalize(text)
        var multiplier: Decimal = 1
        var found = false
        let words = normalized.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }).map(String.init)
        for (scaleWords, value) in Self.scales where !found {
            for word in words where scaleWords.contains(where: { word == $0 || word == $0 + "." || (word.hasPrefix($0) && $0.count >= 3) }) {
                multiplier = value
                found = true
                break
            }
        }
        var currency: String?
        for (names, code) in Self.currencies where currency == nil {
            if names.contains(where: { normalized.contains($0) }) { currency = code }
        }
        if normalized == "1" || normalized == "units" { found = true }
        guard found || currency != nil else { return nil }
        self.multiplier = multiplier
        self.currency = currency
        self.text = text
    }
}
