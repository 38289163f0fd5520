import Foundation
import HamkorLocalization

/// Writes a dataset's records as a dataset file in Hamkor's YAML form — what `hamkor import`
/// saves for users who then keep YAML. Every kind is written as its ``RecordSchema`` declares
/// its stored fields, so reading the output back gives the same records. Records with a text
/// field are written as blocks, others (trade rows) one per line. Text and codes are always
/// double-quoted with escapes, so no value can be read as another type, an alias or a key.
public enum DatasetYAMLWriter {
    public static func yaml(_ dataset: Dataset, header: [String] = []) -> String {
        var out = header.map { "# \($0)\n" }.joined()
        for source in RecordSource.allCases {
            let rows = RecordRows.rows(source, in: dataset)
            guard !rows.isEmpty else { continue }
            let fields = source.schema.stored
            let isBlock = fields.contains { $0.type == .text }
            out += "\(source.rawValue):\n"
            for row in rows {
                let record = row.record
                let pairs = fields.compactMap { field in
                    value(field.type, field.read(record)).map { "\(field.name): \($0)" }
                }
                out += isBlock ? "  - " + pairs.joined(separator: "\n    ") + "\n" : "  - {\(pairs.joined(separator: ", "))}\n"
            }
        }
        return out
    }

    /// A field's values as YAML, `nil` when the record leaves the field empty (or `false`).
    private static func value(_ type: FieldType, _ values: [FieldValue]) -> String? {
        if type.isList { return values.isEmpty ? nil : "[\(values.compactMap(scalar).joined(separator: ", "))]" }
        return values.first.flatMap(scalar)
    }

    private static func scalar(_ value: FieldValue) -> String? {
        switch value {
        case .none: return nil
        case .identifier(let text), .plain(let text), .code(_, let text), .country(let text), .place(let text): return quoted(text)
        case .text(let text): return localized(text)
        case .money(let amount): return money(amount)
        case .decimal(let number): return quoted("\(number)")
        case .year(let year): return String(year)
        case .date(let date): return quoted(date.iso)
        case .period(let unit): return quoted(unit.code)
        case .flag(let flag): return flag ? "true" : nil
        }
    }

    private static func money(_ money: Money) -> String {
        "{amount: \(quoted("\(money.amount)")), currency: \(quoted(money.currency))}"
    }

    private static func localized(_ text: LocalizedText) -> String {
        let parts = LanguageTag.allCases.compactMap { language in text.exact(language).map { "\(language.tag): \(quoted($0))" } }
        return "{\(parts.joined(separator: ", "))}"
    }

    /// A YAML double-quoted scalar: `\` and `"` escaped, and every character YAML would not
    /// keep as it is (controls, line breaks, U+0085, U+2028/2029, the BOM) as an escape.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    out += "\\u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
