import Foundation
@testable import HamkorCore
import HamkorLocalization

/// Paths and shared objects for the core tests.
enum TestSupport {
    /// The repository root (three levels above this file).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let resources = ResourceLocator(root: repositoryRoot)

    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    static let vocabulary: Vocabulary = try! Vocabulary.load(contentsOf: resources.vocabulary)
    static let engine: ReportEngine = try! ReportEngine(resources: resources)
    static let loader = DatasetLoader(vocabulary: vocabulary)

    /// The problems a load reports, or an empty list when it succeeds.
    static func problems(loading urls: [URL]) -> [DataProblem] {
        do { _ = try loader.load(urls); return [] } catch let DataError.invalid(problems) { return problems } catch { return [] }
    }

    static let fixedDate = Date(timeIntervalSince1970: 1_724_400_000)  // 2024-08-23T08:00:00Z
}
