import HamkorLocalization

/// A twin-city pair as reports read it: the pair, with the countries its two cities are in
/// (from the dataset's places).
struct TwinCityRecord: Sendable {
    let pair: TwinCityPair
    let firstCountry: CountryCode?
    let secondCountry: CountryCode?
}
