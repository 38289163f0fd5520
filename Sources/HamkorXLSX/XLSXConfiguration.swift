import Foundation

/// Settings of the XLSX exporter (its own type, as each format has its own configuration).
public struct XLSXConfiguration: Sendable, Equatable {
    /// A workbook is written in libxlsxwriter's constant-memory mode when any table has more
    /// data rows than this. In that mode table titles are not merged (libxlsxwriter cannot merge
    /// there); every other layout feature is kept.
    public var constantMemoryRowThreshold: Int
    /// The author in the document properties.
    public var author: String
    /// The company in the document properties (empty: none).
    public var company: String
    /// Tables with more columns than this are printed landscape.
    public var landscapeColumnThreshold: Int
    /// Tables whose columns add up to more than this many characters are printed landscape.
    public var portraitPageWidth: Double
    /// The widest a column gets, in characters; longer text wraps.
    public var maximumColumnWidth: Double
    /// The time zone of the summary's "generated" line.
    public var timeZone: TimeZone
    /// Data rows per sheet before a table continues on another sheet; clamped to what Excel allows.
    public var maximumDataRowsPerSheet: Int

    /// The most data rows one sheet holds in this exporter's layout (title, blank, header, data, total).
    public static let excelDataRowLimit = 1_048_576 - 4

    public init(constantMemoryRowThreshold: Int = 50_000, author: String = "Hamkor", company: String = "",
                landscapeColumnThreshold: Int = 6, portraitPageWidth: Double = 100, maximumColumnWidth: Double = 60,
                timeZone: TimeZone = TimeZone(identifier: "UTC")!,
                maximumDataRowsPerSheet: Int = XLSXConfiguration.excelDataRowLimit) {
        self.constantMemoryRowThreshold = constantMemoryRowThreshold
        self.author = author
        self.company = company
        self.landscapeColumnThreshold = landscapeColumnThreshold
        self.portraitPageWidth = portraitPageWidth
        self.maximumColumnWidth = maximumColumnWidth
        self.timeZone = timeZone
        self.maximumDataRowsPerSheet = maximumDataRowsPerSheet
    }

    /// ``maximumDataRowsPerSheet`` within 1 … ``excelDataRowLimit``.
    var dataRowsPerSheet: Int { min(max(1, maximumDataRowsPerSheet), Self.excelDataRowLimit) }
}
