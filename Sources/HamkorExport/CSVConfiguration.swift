/// Settings of ``CSVExporter``.
///
/// Two dialects, for two kinds of reader:
/// - ``Dialect/excel`` (default) opens correctly in a spreadsheet in the report's language:
///   UTF-8 with a byte-order mark, `;` as delimiter where the language's decimal mark is `,`
///   (uz, uz-Cyrl, az, ru) and `,` otherwise (en), numbers with that decimal mark and no grouping,
///   percentages as `25,3%`, dates in the language's short form, localized headers, CRLF.
/// - ``Dialect/data`` is for programs and is the same in every language: no byte-order mark,
///   `,` and `.`, ISO 8601 dates, column ids as headers, percentages as fractions (`0.253`),
///   codes instead of their translated names, LF (or CRLF) line ends.
public struct CSVConfiguration: Sendable, Equatable {
    /// Who the file is for.
    public enum Dialect: String, Sendable, Equatable, CaseIterable {
        /// A spreadsheet user in the report's language.
        case excel
        /// A program: stable headers and machine number and date formats.
        case data
    }

    /// The record separator.
    public enum LineEnding: String, Sendable, Equatable, CaseIterable {
        case lf
        case crlf

        var bytes: [UInt8] {
            switch self {
            case .lf: [0x0A]
            case .crlf: [0x0D, 0x0A]
            }
        }
    }

    public var dialect: Dialect
    /// The line ending; `nil` uses the dialect's: CRLF for ``Dialect/excel``, LF for ``Dialect/data``.
    public var lineEnding: LineEnding?
    /// Quote every non-empty field, not only those that need it (RFC 4180 allows both).
    public var forceQuote: Bool

    public init(dialect: Dialect = .excel, lineEnding: LineEnding? = nil, forceQuote: Bool = false) {
        self.dialect = dialect
        self.lineEnding = lineEnding
        self.forceQuote = forceQuote
    }

    /// The spreadsheet dialect with its defaults.
    public static let excel = CSVConfiguration(dialect: .excel)
    /// The data dialect with LF line ends.
    public static let data = CSVConfiguration(dialect: .data)

    /// The line ending actually written.
    public var effectiveLineEnding: LineEnding {
        lineEnding ?? (dialect == .excel ? .crlf : .lf)
    }
}
