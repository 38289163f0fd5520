import Foundation
import HamkorCore

/// Computes each unit's ``UnitInputs``, reading every file once per run however many units
/// share it.
public final class UnitInputDigester: Sendable {
    private let resources: ResourceLocator
    private let definitionFiles: [String: URL]
    private let expandData: @Sendable ([URL]) throws -> [URL]
    private let version: String
    private let fileDigests = Locked([String: String]())
    private let dataDigests = Locked([String: String]())

    /// - Parameters:
    ///   - resources: where the vocabulary and catalogs are.
    ///   - definitionFiles: each report id's definition file.
    ///   - expandData: the data files a unit's data paths stand for (the bundled sample when
    ///     the unit has none), in the order the loader reads them.
    ///   - version: Hamkor's version.
    public init(resources: ResourceLocator, definitionFiles: [String: URL],
                expandData: @escaping @Sendable ([URL]) throws -> [URL], version: String = HamkorVersion.current) {
        self.resources = resources
        self.definitionFiles = definitionFiles
        self.expandData = expandData
        self.version = version
    }

    /// The unit's input digests, or `nil` when one of its inputs cannot be read (the unit then
    /// fails on its own when it runs, and is never reused).
    public func inputs(for unit: BatchUnit) -> UnitInputs? {
        guard let definition = definitionFiles[unit.report].flatMap(digest),
              let vocabulary = digest(resources.vocabulary),
              let data = dataDigest(unit.data ?? [resources.sampleData]) else { return nil }
        var catalog: String?
        if unit.language != .english {
            guard let found = digest(resources.localization.appendingPathComponent("\(unit.language.catalogName).po")) else { return nil }
            catalog = found
        }
        let parameters = unit.parameterLines.map { $0 + "\n" }.joined()
        return UnitInputs(data: data, definition: definition, vocabulary: vocabulary, catalog: catalog,
                          parameters: FileDigest.sha256(Data(parameters.utf8)), hamkor: version)
    }

    private func digest(_ url: URL) -> String? {
        let key = url.standardizedFileURL.path
        if let known = fileDigests.withLock({ $0[key] }) { return known }
        guard let found = try? FileDigest(of: url).sha256 else { return nil }
        fileDigests.withLock { $0[key] = found }
        return found
    }

    private func dataDigest(_ paths: [URL]) -> String? {
        let key = paths.map(\.path).joined(separator: "\n")
        if let known = dataDigests.withLock({ $0[key] }) { return known }
        guard let files = try? expandData(paths) else { return nil }
        var lines = ""
        for file in files {
            guard let sha = digest(file) else { return nil }
            lines += "\(file.standardizedFileURL.path)\t\(sha)\n"
        }
        let found = FileDigest.sha256(Data(lines.utf8))
        dataDigests.withLock { $0[key] = found }
        return found
    }
}
