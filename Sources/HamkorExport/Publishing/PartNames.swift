/// The rule every sink applies to part names: non-empty and unique within one export.
enum PartNames {
    /// Adds `name` to the names used so far, or throws when it is empty or already used.
    static func claim(_ name: String, in names: inout [String]) throws {
        guard !name.isEmpty, !names.contains(name) else {
            throw ExportError.writerFailed(format: "export", reason: "part name '\(name)' is empty or used twice")
        }
        names.append(name)
    }
}
