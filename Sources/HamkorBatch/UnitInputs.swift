import Foundation

/// The digests of everything a unit's output is made from, as its manifest record keeps them
/// (`"inputs"`): `hamkor batch --resume` reuses an output only while every one is unchanged.
///
/// Each digest is a lowercase hex SHA-256. English has no catalog (`catalog` is `null`).
public struct UnitInputs: Sendable, Hashable, Codable {
    /// The dataset files (names and contents, in the loader's order).
    public var data: String
    /// The report definition file.
    public var definition: String
    /// `Reports/vocabulary.yaml`, which every report's codes and names come from.
    public var vocabulary: String
    /// The language's catalog (`Localization/TAG.po`); `nil` for English.
    public var catalog: String?
    /// The unit's parameters, in order, as `NAME=VALUE` lines (the digest of nothing when it
    /// has none).
    public var parameters: String
    /// Hamkor's version.
    public var hamkor: String

    public init(data: String, definition: String, vocabulary: String, catalog: String?, parameters: String, hamkor: String) {
        self.data = data
        self.definition = definition
        self.vocabulary = vocabulary
        self.catalog = catalog
        self.parameters = parameters
        self.hamkor = hamkor
    }

    /// The JSON object the manifest writes, keys in this fixed order.
    var json: String {
        "{\"data\": \(Manifest.quote(data)), \"definition\": \(Manifest.quote(definition)), "
            + "\"vocabulary\": \(Manifest.quote(vocabulary)), \"catalog\": \(catalog.map(Manifest.quote) ?? "null"), "
            + "\"parameters\": \(Manifest.quote(parameters)), \"hamkor\": \(Manifest.quote(hamkor))}"
    }
}
