/// A dataset's project columns shared by the ``RecordRow``s of one report build: each row is
/// this store and a row number, and reads its fields straight from the columns.
final class ProjectColumnStore: Sendable {
    /// Whether report builds read projects from their columns (the default). Off, every project
    /// is assembled into a ``Project`` and read field by field: the general path, which tests
    /// keep as the reference the column path must equal.
    @TaskLocal static var readsColumns = true

    let columns: ProjectColumns

    init(_ columns: ProjectColumns) { self.columns = columns }

    /// The values of field `field` of row `row`, as ``RecordRow/values(_:)`` gives a project's.
    func values(_ field: String, at row: Int) -> [FieldValue] {
        let c = columns
        switch field {
        case "id": return [.identifier(c.ids[row])]
        case "name": return [.text(c.names[row])]
        case "partners", "partner": return c.range(c.partnerEnds, row).map { .country(c.codes[Int(c.partnerCodes[$0])]) }
        case "sector": return [.code(.sectors, c.codes[Int(c.sectorCodes[row])])]
        case "places", "place": return c.range(c.placeEnds, row).map { .place(c.codes[Int(c.placeCodes[$0])]) }
        case "value": return c.value(at: row).map { [.money($0)] } ?? []
        case "status": return [.code(.statuses, c.statusColumn[row].rawValue)]
        case "startYear": return c.startYear(at: row).map { [.year($0)] } ?? []
        case "endYear": return c.endYear(at: row).map { [.year($0)] } ?? []
        case "source": return c.source(at: row).map { [.plain($0)] } ?? []
        case "illustrative": return [.flag(c.illustrativeColumn[row])]
        default: return []
        }
    }
}
