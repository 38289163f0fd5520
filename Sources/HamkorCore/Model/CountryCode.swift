/// An ISO 3166-1 alpha-2 country code (`UZ`, `AZ`); display names come from CLDR.
public typealias CountryCode = String
