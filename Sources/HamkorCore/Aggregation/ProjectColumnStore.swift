/// A dataset's project columns shared by the ``RecordRow``s of one report build: each row is
/// this store and a row number, and reads its fields straight from the columns.
final class ProjectColumnStore: Sendable {
    /// Whether report builds read projects from their columns (the default). Off, every project
    /// is assembled into a ``Project`` and read field by field: the general path, which tests
    /// keep as the reference the column path must equal.
    @TaskLocal static var readsColumns = true

    let columns: ProjectColumns

    init(_ columns: ProjectColumns) { self.columns = columns }

    /// The values of field `field` of row `row`, as ``RecordRow/values(_:)`` gives a project's
    /// (read as ``RecordSchema/projects`` declares).
    func values(_ field: String, at row: Int) -> [FieldValue] {
        RecordSchema.projects.columnReaders[field]?(columns, row) ?? []
    }
}
