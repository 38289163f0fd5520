/// The bounds a workbook must stay within; each is checked while reading, before the input can
/// exhaust memory, so a zip bomb or an oversized table fails with a clear error.
public struct WorkbookLimits: Sendable {
    /// The most bytes one part (a sheet, the shared strings) may decompress to.
    public var maxPartBytes: Int
    /// The most bytes the small parts (workbook, relationships, styles) may decompress to.
    public var maxSmallPartBytes: Int
    /// The most decompressed bytes per compressed byte: a ratio above this is a zip bomb.
    public var maxCompressionRatio: Int
    /// The most entries in the shared-string table.
    public var maxSharedStrings: Int
    /// The most characters, in UTF-8 bytes, of all shared strings together.
    public var maxSharedStringBytes: Int
    /// The most characters in one cell (Excel's own limit is 32,767).
    public var maxCellBytes: Int
    /// The highest row and column numbers (Excel's own grid).
    public var maxRow: Int
    public var maxColumn: Int

    public init(maxPartBytes: Int = 1 << 30, maxSmallPartBytes: Int = 16 << 20, maxCompressionRatio: Int = 200,
                maxSharedStrings: Int = 2_000_000, maxSharedStringBytes: Int = 256 << 20, maxCellBytes: Int = 32_767 * 4,
                maxRow: Int = 1_048_576, maxColumn: Int = 16_384) {
        self.maxPartBytes = maxPartBytes
        self.maxSmallPartBytes = maxSmallPartBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxSharedStrings = maxSharedStrings
        self.maxSharedStringBytes = maxSharedStringBytes
        self.maxCellBytes = maxCellBytes
        self.maxRow = maxRow
        self.maxColumn = maxColumn
    }

    public static let standard = WorkbookLimits()
}
