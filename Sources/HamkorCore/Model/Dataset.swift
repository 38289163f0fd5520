import Foundation

/// Everything loaded from one or more data files, merged: the input of every report.
public struct Dataset: Sendable {
    public var info: DatasetInfo
    public var places: [Place] = []
    /// The projects, held column by column (see ``ProjectColumns``).
    public var projects = ProjectColumns()
    public var agreements: [Agreement] = []
    public var twinCities: [TwinCityPair] = []
    public var events: [CooperationEvent] = []
    public var exchanges: [Exchange] = []
    public var honours: [Honour] = []
    public var trade: [TradeFlow] = []
    public var exchangeRates: [ExchangeRate] = []
    /// The files the dataset was read from, in load order.
    public var files: [String] = []
    /// The ids of records left out for their problems, with the kind and place of each, so
    /// that ``DatasetValidator`` reports a duplicate id among them too.
    public var rejectedIdentifiers: [(id: String, source: RecordSource, location: SourceLocation)] = []

    public init(info: DatasetInfo = DatasetInfo()) {
        self.info = info
    }

    /// The number of records of a kind.
    public func count(of source: RecordSource) -> Int {
        switch source {
        case .projects: projects.count
        case .agreements: agreements.count
        case .twinCities: twinCities.count
        case .events: events.count
        case .exchanges: exchanges.count
        case .honours: honours.count
        case .trade: trade.count
        }
    }

    /// `15 projects, 18 agreements, 3 twin-city pairs, …`: the kinds the dataset has records of
    /// (projects always), in English, for command output.
    public var recordSummary: String {
        RecordSource.allCases.filter { $0 == .projects || count(of: $0) > 0 }
            .map { $0.counted(count(of: $0)) }.joined(separator: ", ")
    }

    /// Places by code, for lookups.
    public var placesByCode: [String: Place] {
        Dictionary(places.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Appends another dataset's records; the `dataset:` headers combine (sources concatenated).
    public mutating func merge(_ other: Dataset) {
        if info.title == nil { info.title = other.info.title }
        info.isSample = info.isSample || other.info.isSample
        for partner in other.info.partners where !info.partners.contains(partner) { info.partners.append(partner) }
        for source in other.info.sources where !info.sources.contains(source) { info.sources.append(source) }
        places += other.places
        projects += other.projects
        agreements += other.agreements
        twinCities += other.twinCities
        events += other.events
        exchanges += other.exchanges
        honours += other.honours
        trade += other.trade
        exchangeRates += other.exchangeRates
        files += other.files
        rejectedIdentifiers += other.rejectedIdentifiers
    }

    /// The sum of project values per currency, exact (a loaded dataset's totals fit
    /// ``DecimalSum/maxDigits`` digits: ``DatasetValidator`` refuses amounts that do not).
    public var totalValueByCurrency: [String: Decimal] {
        var totals: [String: DecimalSum] = [:]
        for project in projects {
            guard let value = project.value else { continue }
            totals[value.currency, default: DecimalSum()].add(value.amount)
        }
        return totals.mapValues(\.value)
    }
}
