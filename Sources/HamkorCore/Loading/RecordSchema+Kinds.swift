import HamkorLocalization

/// The field tables of the seven record kinds (see docs/DATA.md for what each field means).
extension RecordSchema {
    /// Projects. `partner` and `place` are the singular names of `partners` and `places`.
    public static let projects = RecordSchema(.projects, [
        .project("id", .identifier, .required, { [.identifier($0.id)] }) { c, row in [.identifier(c.ids[row])] },
        .project("name", .text, .required, { [.text($0.name)] }) { c, row in [.text(c.name(at: row))] },
        .project("partners", .countries, .optional, { $0.partners.map { .country($0) } }) { c, row in ProjectColumns.range(c.partnerEnds, row).map { .country(c.codes[Int(c.partnerCodes[$0])]) } },
        .project("sector", .code(.sectors), .required, { [.code(.sectors, $0.sector)] }) { c, row in
            [.code(.sectors, c.codes[Int(c.sectorCodes[row])])]
        },
        .project("places", .places, .optional, { $0.places.map { .place($0) } }) { c, row in ProjectColumns.range(c.placeEnds, row).map { .place(c.codes[Int(c.placeCodes[$0])]) } },
        .project("value", .money, .optional, { one($0.value.map { .money($0) }) }) { c, row in one(c.value(at: row).map { .money($0) }) },
        .project("status", .code(.statuses), .required, { [.code(.statuses, $0.status.rawValue)] }) { c, row in
            [.code(.statuses, c.statusColumn[row].rawValue)]
        },
        .project("startYear", .year, .optional, { one($0.startYear.map { .year($0) }) }) { c, row in one(c.startYear(at: row).map { .year($0) }) },
        .project("endYear", .year, .optional, { one($0.endYear.map { .year($0) }) }) { c, row in one(c.endYear(at: row).map { .year($0) }) },
        .project("source", .plain, .optional, { one($0.source.map { .plain($0) }) }) { c, row in one(c.source(at: row).map { .plain($0) }) },
        .project("illustrative", .flag, .optional, { [.flag($0.illustrative)] }) { c, row in [.flag(c.illustrativeColumn[row])] },
        .project("partner", .countries, .derived, { $0.partners.map { .country($0) } }) { c, row in ProjectColumns.range(c.partnerEnds, row).map { .country(c.codes[Int(c.partnerCodes[$0])]) } },
        .project("place", .places, .derived, { $0.places.map { .place($0) } }) { c, row in ProjectColumns.range(c.placeEnds, row).map { .place(c.codes[Int(c.placeCodes[$0])]) } },
    ])

    /// Agreements, treaties and memoranda.
    public static let agreements = RecordSchema(.agreements, [
        .of(Agreement.self, "id", .identifier, .required) { [.identifier($0.id)] },
        .of(Agreement.self, "title", .text, .required) { [.text($0.title)] },
        .of(Agreement.self, "area", .code(.areas), .required) { [.code(.areas, $0.area)] },
        .of(Agreement.self, "level", .code(.levels), .required) { [.code(.levels, $0.level.rawValue)] },
        .of(Agreement.self, "signed", .date, .optional) { one($0.signed.map { .date($0) }) },
        .of(Agreement.self, "parties", .countries, .optional) { $0.parties.map { .country($0) } },
        .of(Agreement.self, "place", .place, .optional) { one($0.place.map { .place($0) }) },
        .of(Agreement.self, "year", .year, .derived) { one($0.signed.map { .year($0.year) }) },
    ] + RecordSchema.Field.periods(of: Agreement.self) { $0.signed })

    /// Twin-city pairs: `cities` names the two cities; `first`, `second` and their countries
    /// are read from it and from the dataset's places.
    public static let twinCities = RecordSchema(.twinCities, [
        .of(TwinCityRecord.self, "id", .identifier, .required) { [.identifier($0.pair.id)] },
        .of(TwinCityRecord.self, "cities", .places, .required) { [.place($0.pair.first), .place($0.pair.second)] },
        .of(TwinCityRecord.self, "signed", .date, .optional) { one($0.pair.signed.map { .date($0) }) },
        .of(TwinCityRecord.self, "first", .place, .derived) { [.place($0.pair.first)] },
        .of(TwinCityRecord.self, "second", .place, .derived) { [.place($0.pair.second)] },
        .of(TwinCityRecord.self, "firstCountry", .country, .derived) { one($0.firstCountry.map { .country($0) }) },
        .of(TwinCityRecord.self, "secondCountry", .country, .derived) { one($0.secondCountry.map { .country($0) }) },
        .of(TwinCityRecord.self, "year", .year, .derived) { one($0.pair.signed.map { .year($0.year) }) },
    ] + RecordSchema.Field.periods(of: TwinCityRecord.self) { $0.pair.signed })

    /// Visits, councils, forums and other dated events.
    public static let events = RecordSchema(.events, [
        .of(CooperationEvent.self, "id", .identifier, .required) { [.identifier($0.id)] },
        .of(CooperationEvent.self, "kind", .code(.eventKinds), .required) { [.code(.eventKinds, $0.kind)] },
        .of(CooperationEvent.self, "title", .text, .required) { [.text($0.title)] },
        .of(CooperationEvent.self, "date", .date, .optional) { one($0.date.map { .date($0) }) },
        .of(CooperationEvent.self, "place", .place, .optional) { one($0.place.map { .place($0) }) },
        .of(CooperationEvent.self, "year", .year, .derived) { one($0.date.map { .year($0.year) }) },
    ] + RecordSchema.Field.periods(of: CooperationEvent.self) { $0.date })

    /// Exchanges in arts, education, health care and the like.
    public static let exchanges = RecordSchema(.exchanges, [
        .of(Exchange.self, "id", .identifier, .required) { [.identifier($0.id)] },
        .of(Exchange.self, "field", .code(.exchangeFields), .required) { [.code(.exchangeFields, $0.field)] },
        .of(Exchange.self, "title", .text, .required) { [.text($0.title)] },
        .of(Exchange.self, "year", .year, .optional) { one($0.year.map { .year($0) }) },
    ])

    /// State honours.
    public static let honours = RecordSchema(.honours, [
        .of(Honour.self, "id", .identifier, .required) { [.identifier($0.id)] },
        .of(Honour.self, "title", .text, .required) { [.text($0.title)] },
        .of(Honour.self, "recipient", .text, .required) { [.text($0.recipient)] },
        .of(Honour.self, "awardedBy", .country, .required) { [.country($0.awardedBy)] },
        .of(Honour.self, "date", .date, .optional) { one($0.date.map { .date($0) }) },
        .of(Honour.self, "year", .year, .derived) { one($0.date.map { .year($0.year) }) },
    ] + RecordSchema.Field.periods(of: Honour.self) { $0.date })

    /// Trade flows: one row per reporter, partner, period, direction and HS commodity. Turnover,
    /// exports, imports and balance are derived from the flow; a row's half, quarter or month is
    /// none when the row covers a longer period.
    public static let trade = RecordSchema(.trade, [
        .of(TradeFlow.self, "reporter", .country, .required) { [.country($0.reporter)] },
        .of(TradeFlow.self, "partner", .country, .required) { [.country($0.partner)] },
        .of(TradeFlow.self, "period", .period, .required) { [.period($0.period)] },
        .of(TradeFlow.self, "flow", .code(.tradeFlows), .required) { [.code(.tradeFlows, $0.direction.rawValue)] },
        .of(TradeFlow.self, "section", .code(.hsSections), .optional) { [.code(.hsSections, $0.section)] },
        .of(TradeFlow.self, "chapter", .code(.hsChapters), .optional) { one($0.chapter.map { .code(.hsChapters, $0) }) },
        .of(TradeFlow.self, "value", .money, .required) { [.money($0.value)] },
        .unreported(TradeFlow.self, "quantity", .decimal, .optional) { one($0.quantity.map { .decimal($0) }) },
        .unreported(TradeFlow.self, "unit", .plain, .optional) { one($0.unit.map { .plain($0) }) },
        .of(TradeFlow.self, "illustrative", .flag, .optional) { [.flag($0.illustrative)] },
        .of(TradeFlow.self, "year", .year, .derived) { [.year($0.period.year)] },
        .of(TradeFlow.self, "half", .period, .derived) { one($0.period.unit(.half).map { .period($0) }) },
        .of(TradeFlow.self, "quarter", .period, .derived) { one($0.period.unit(.quarter).map { .period($0) }) },
        .of(TradeFlow.self, "month", .period, .derived) { one($0.period.unit(.month).map { .period($0) }) },
        .of(TradeFlow.self, "turnover", .money, .derived) { [.money($0.value)] },
        .of(TradeFlow.self, "exports", .money, .derived) { $0.direction == .export ? [.money($0.value)] : [] },
        .of(TradeFlow.self, "imports", .money, .derived) { $0.direction == .import ? [.money($0.value)] : [] },
        .of(TradeFlow.self, "balance", .money, .derived) {
            [.money($0.direction == .export ? $0.value : Money(amount: -$0.value.amount, currency: $0.value.currency))]
        },
    ])
}
