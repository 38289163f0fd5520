/// Each model type's case of ``RecordRow/Record``.
extension Project: SchemaRecord {
    init?(unwrapping record: RecordRow.Record) { if case .project(let p) = record { self = p } else { return nil } }
}

extension Agreement: SchemaRecord {
    init?(unwrapping record: RecordRow.Record) { if case .agreement(let a) = record { self = a } else { return nil } }
}

extension TwinCityRecord: SchemaRecord {
    init?(unwrapping record: RecordRow.Record) { if case .twinCities(let t) = record { self = t } else { return nil } }
}

extension CooperationEvent: SchemaRecord {
    init?(unwrapping record: RecordRow.Record) { if case .event(let e) = record { self = e } else { return nil } }
}

extension Exchange: SchemaRecord {
    init?(unwrapping record: RecordRow.Record) { if case .exchange(let x) = record { self = x } else { return nil } }
}

extension Honour: SchemaRecord {
    init?(unwrapping record: RecordRow.Record) { if case .honour(let h) = record { self = h } else { return nil } }
}

extension TradeFlow: SchemaRecord {
    init?(unwrapping record: RecordRow.Record) { if case .trade(let t) = record { self = t } else { return nil } }
}
