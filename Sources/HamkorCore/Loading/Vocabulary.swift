import Foundation
import Yams
import HamkorLocalization

/// The stable codes datasets and report definitions use, read from `Reports/vocabulary.yaml`.
///
/// Codes are identifiers; the English name next to each is the source text the catalogs
/// translate, with the list name as `msgctxt` (`sector`, `area`, ...).
public struct Vocabulary: Sendable {
    /// The lists of codes.
    public enum List: String, CaseIterable, Sendable {
        case sectors, areas, statuses, levels, eventKinds, exchangeFields, placeKinds
        /// "with Azerbaijan" per country code: the form a title such as "Trade {partner_with}" needs.
        case countryWith
        /// Trade flows (`export`, `import`), HS 2022 sections (`I`–`XXI`) and chapters (`01`–`97`).
        case tradeFlows, hsSections, hsChapters

        /// The catalog context (`msgctxt`) of this list's names.
        public var context: String {
            switch self {
            case .sectors: "sector"
            case .areas: "agreement area"
            case .statuses: "project status"
            case .levels: "agreement level"
            case .eventKinds: "event kind"
            case .exchangeFields: "exchange field"
            case .placeKinds: "place kind"
            case .countryWith: "country form: with"
            case .tradeFlows: "trade flow"
            case .hsSections: "HS section"
            case .hsChapters: "HS chapter"
            }
        }

        var singular: String { context }
    }

    private var entries: [List: [(code: String, english: String)]]

    public init(entries: [List: [(code: String, english: String)]]) {
        self.entries = entries
    }

    /// The codes of a list, in file order.
    public func codes(_ list: List) -> [String] { entries[list, default: []].map(\.code) }

    /// Whether a code belongs to a list.
    public func contains(_ code: String, in list: List) -> Bool {
        entries[list, default: []].contains { $0.code == code }
    }

    /// The English name of a code (the catalog `msgid`), or `nil` for an unknown code.
    public func englishName(of code: String, in list: List) -> String? {
        entries[list, default: []].first { $0.code == code }?.english
    }

    /// Every (list, code, English name), for catalog extraction.
    public var allEntries: [(list: List, code: String, english: String)] {
        List.allCases.flatMap { list in entries[list, default: []].map { (list, $0.code, $0.english) } }
    }

    /// Reads `vocabulary.yaml`.
    public static func load(contentsOf url: URL) throws -> Vocabulary {
        let text = try SourceText.read(url, limit: DatasetLimits.maxDefinitionBytes)
        let problems = ProblemList()
        let reader = YAMLNodeReader(file: url.path, problems: problems)
        var entries: [List: [(code: String, english: String)]] = [:]
        if let root = try YAMLSafetyGuard.compose(text, file: url.path),
           let lists = reader.mapping(root, "", allowed: Set(List.allCases.map(\.rawValue))) {
            for (name, node, _) in lists {
                guard let list = List(rawValue: name), let pairs = reader.mapping(node, name) else { continue }
                entries[list] = pairs.compactMap { pair in
                    guard Identifier.isValid(pair.key), list != .countryWith || ReportLocale.isKnownCountry(pair.key) else {
                        reader.fail(pair.keyNode, name, "'\(pair.key)' is not a valid code")
                        return nil
                    }
                    return reader.string(pair.value, "\(name).\(pair.key)").map { (pair.key, $0) }
                }
            }
        }
        if !problems.isEmpty { throw DataError.invalid(problems.problems) }
        return Vocabulary(entries: entries)
    }
}
