import Foundation
import HamkorCore
import HamkorLocalization
import HamkorRegisters

/// Paths and shared objects for the register tests.
enum RegisterTestSupport {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let resources = ResourceLocator(root: repositoryRoot)
    static let engine: ReportEngine = try! ReportEngine(resources: resources)
    static var context: DatasetReadContext { DatasetReadContext(vocabulary: engine.vocabulary) }

    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    /// Reads one register (records only, no cross-file checks); the problems it reported.
    static func read(_ workbook: URL, profile: URL? = nil) throws -> (Dataset, [DataProblem]) {
        let problems = ProblemList()
        let reader = XLSXRegisterReader(profile: profile, catalogs: engine.catalogs)
        let dataset = try reader.read(workbook, context: context, problems: problems)
        return (dataset, problems.problems)
    }

    /// The records of a YAML file, read without cross-file checks.
    static func yaml(_ url: URL) throws -> Dataset {
        let problems = ProblemList()
        let dataset = YAMLDatasetReader().read(text: try String(contentsOf: url, encoding: .utf8), file: url.path,
                                               context: context, problems: problems)
        precondition(problems.isEmpty, "\(problems.problems)")
        return dataset
    }

    /// Records compared without where they were read.
    static func unlocated(_ projects: some Sequence<Project>) -> [Project] {
        projects.map { var project = $0; project.location = SourceLocation(file: ""); return project }
    }

    static func unlocated(_ trade: [TradeFlow]) -> [TradeFlow] {
        trade.map { var flow = $0; flow.location = SourceLocation(file: ""); return flow }
    }

    /// A copy of a fixture workbook with its own profile text beside it, in a new folder.
    static func withProfile(_ workbook: String, _ profile: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hamkor-reg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent(workbook)
        try FileManager.default.copyItem(at: fixture(workbook), to: copy)
        let stem = copy.deletingPathExtension().lastPathComponent
        try Data(profile.utf8).write(to: folder.appendingPathComponent(stem + XLSXRegisterReader.profileSuffix))
        return copy
    }
}
