/// Documented bounds on input, enforced with clear errors rather than unbounded memory.
public enum DatasetLimits {
    /// The largest data file read (bytes): 64 MiB.
    public static let maxFileBytes = 64 * 1024 * 1024
    /// The largest report definition or vocabulary file (bytes): 1 MiB. The bundled ones are
    /// under 8 KiB; the limit keeps a broken or hostile one from costing more than its report.
    public static let maxDefinitionBytes = 1024 * 1024
    /// The longest text value, in Unicode scalars (see ``TextLimit``).
    public static let maxTextLength = 10_000
    /// The most significant digits in an amount that are kept exactly.
    public static let maxSignificantDigits = 30
    /// The most records of one kind across all files.
    public static let maxRecords = 2_000_000
    /// The deepest nesting a YAML or JSON file may have.
    public static let maxNestingDepth = 64
}
