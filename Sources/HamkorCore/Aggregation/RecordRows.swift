/// Wraps the dataset's records of a source as ``RecordRow``s (no copying of fields).
enum RecordRows {
    /// `readsColumns`: projects as rows of their columns (``ProjectColumnStore/readsColumns``
    /// where the caller runs, by default), else each assembled into a ``Project``.
    static func rows(_ source: RecordSource, in dataset: Dataset, readsColumns: Bool = ProjectColumnStore.readsColumns) -> [RecordRow] {
        switch source {
        case .projects:
            guard readsColumns else { return dataset.projects.map { RecordRow(record: .project($0)) } }
            let store = ProjectColumnStore(dataset.projects)
            return (0..<store.columns.count).map { RecordRow(projects: store, row: $0) }
        case .agreements: return dataset.agreements.map { RecordRow(record: .agreement($0)) }
        case .twinCities:
            let places = dataset.placesByCode
            return dataset.twinCities.map {
                RecordRow(record: .twinCities(TwinCityRecord(pair: $0, firstCountry: places[$0.first]?.country, secondCountry: places[$0.second]?.country)))
            }
        case .events: return dataset.events.map { RecordRow(record: .event($0)) }
        case .exchanges: return dataset.exchanges.map { RecordRow(record: .exchange($0)) }
        case .honours: return dataset.honours.map { RecordRow(record: .honour($0)) }
        case .trade: return dataset.trade.map { RecordRow(record: .trade($0)) }
        }
    }
}
