/// The rules for record ids and codes: safe in file names and never a path.
public enum Identifier {
    /// Letters (any script), digits, `-`, `_`, `.`; 1–128 characters; not starting with `.`; no `..`.
    public static func isValid(_ id: String) -> Bool {
        guard (1...128).contains(id.count), !id.hasPrefix("."), !id.contains("..") else { return false }
        return id.unicodeScalars.allSatisfy { scalar in
            (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == ".")
                && !scalar.properties.isBidiControl && !scalar.properties.isDefaultIgnorableCodePoint
        }
    }
}
