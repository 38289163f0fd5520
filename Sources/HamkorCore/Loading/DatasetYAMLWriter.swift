import Foundation
import HamkorLocalization

/// Writes the records flat sources give (projects, trade) as a dataset file in Hamkor's YAML
/// schema — what `hamkor import` saves for users who then keep YAML. Reading the output back
/// gives the same records. Text is always double-quoted with escapes, so no value can be read
/// as another type, an alias or a key.
public enum DatasetYAMLWriter {
    public static func yaml(_ dataset: Dataset, header: [String] = []) -> String {
        var out = header.map { "# \($0)\n" }.joined()
        if !dataset.projects.isEmpty {
            out += "projects:\n"
            for project in dataset.projects {
                out += "  - id: \(quoted(project.id))\n"
                out += "    name: \(localized(project.name))\n"
                if !project.partners.isEmpty { out += "    partners: [\(project.partners.joined(separator: ", "))]\n" }
                out += "    sector: \(quoted(project.sector))\n"
                if !project.places.isEmpty { out += "    places: [\(project.places.map(quoted).joined(separator: ", "))]\n" }
                if let value = project.value { out += "    value: \(money(value))\n" }
                out += "    status: \(project.status.rawValue)\n"
                if let start = project.startYear { out += "    startYear: \(start)\n" }
                if let end = project.endYear { out += "    endYear: \(end)\n" }
                if let source = project.source { out += "    source: \(quoted(source))\n" }
                if project.illustrative { out += "    illustrative: true\n" }
            }
        }
        if !dataset.trade.isEmpty {
            out += "trade:\n"
            for flow in dataset.trade {
                out += "  - {reporter: \(flow.reporter), partner: \(flow.partner), period: \(quoted(flow.period.code)), flow: \(flow.direction.rawValue), "
                out += flow.chapter.map { "chapter: \(quoted($0)), " } ?? "section: \(quoted(flow.section)), "
                out += "value: \(money(flow.value))"
                if let quantity = flow.quantity, let unit = flow.unit { out += ", quantity: \(quantity), unit: \(quoted(unit))" }
                if flow.illustrative { out += ", illustrative: true" }
                out += "}\n"
            }
        }
        return out
    }

    private static func money(_ money: Money) -> String {
        "{amount: \"\(money.amount)\", currency: \(money.currency)}"
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
