import CXlsxWriter

/// Facts about the linked libxlsxwriter.
public enum XLSXLibrary {
    /// The version string of the libxlsxwriter the binary linked (`1.1.4`).
    public static var version: String { String(cString: lxw_version()) }
}
