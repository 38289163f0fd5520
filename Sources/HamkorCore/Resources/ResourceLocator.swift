import Foundation

/// Finds Hamkor's data folders (`Localization/` and `Reports/`) for a binary that may run from
/// a checkout, an installed prefix or anywhere else.
///
/// Order: an explicit folder (`--resources`), `$HAMKOR_RESOURCES`, `PREFIX/share/hamkor` beside
/// an installed binary (`PREFIX/bin/hamkor`), then the nearest folder above the binary or the
/// working directory that holds both `Localization/` and `Reports/` (a checkout).
public struct ResourceLocator: Sendable {
    /// The folder holding `Localization/` and `Reports/`.
    public let root: URL

    public init(root: URL) { self.root = root }

    public var localization: URL { root.appendingPathComponent("Localization") }
    public var reports: URL { root.appendingPathComponent("Reports") }
    public var definitions: URL { reports.appendingPathComponent("definitions") }
    public var vocabulary: URL { reports.appendingPathComponent("vocabulary.yaml") }
    public var sampleData: URL { reports.appendingPathComponent("sample-data") }
    public var mainJob: URL { reports.appendingPathComponent("jobs.yaml") }

    /// Locates the resources; throws ``DataError/notFound(path:)`` naming what was searched.
    public static func locate(explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? "hamkor")) throws -> ResourceLocator {
        if let explicit {
            let url = URL(fileURLWithPath: explicit)
            guard holdsResources(url) else { throw DataError.notFound(path: "\(explicit) (no Localization/ and Reports/ inside)") }
            return ResourceLocator(root: url)
        }
        let fromEnvironment: String?
        do { fromEnvironment = try HamkorEnvironment.resources(environment) } catch {
            throw DataError.notFound(path: "HAMKOR_RESOURCES (\(error))")
        }
        if let fromEnvironment {
            let url = URL(fileURLWithPath: fromEnvironment)
            guard holdsResources(url) else { throw DataError.notFound(path: "HAMKOR_RESOURCES=\(fromEnvironment) (no Localization/ and Reports/ inside)") }
            return ResourceLocator(root: url)
        }
        let binary = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = binary.deletingLastPathComponent().appendingPathComponent("share/hamkor")
        if holdsResources(installed) { return ResourceLocator(root: installed) }
        for start in [binary, URL(fileURLWithPath: FileManager.default.currentDirectoryPath)] {
            var folder = start.standardizedFileURL
            for _ in 0..<8 {
                if holdsResources(folder) { return ResourceLocator(root: folder) }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        throw DataError.notFound(path: "Hamkor resources (Localization/ and Reports/); pass --resources DIR or set HAMKOR_RESOURCES")
    }

    private static func holdsResources(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("Localization").path, isDirectory: &isDirectory)
            && isDirectory.boolValue
            && FileManager.default.fileExists(atPath: url.appendingPathComponent("Reports/vocabulary.yaml").path)
    }
}
