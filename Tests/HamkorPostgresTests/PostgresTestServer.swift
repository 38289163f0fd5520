import Foundation
import HamkorCore
import HamkorPostgres

/// The throwaway server `scripts/with-postgres.sh` starts for `make test`, and source files
/// pointing at it. Tests that need it are skipped, saying why, when it is not running.
enum PostgresTestServer {
    static let environment = ProcessInfo.processInfo.environment
    static var isRunning: Bool { environment["HAMKOR_TEST_PG_PORT"] != nil }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let resources = ResourceLocator(root: repositoryRoot)
    static let engine: ReportEngine = try! ReportEngine(resources: resources)

    static var password: String { environment["HAMKOR_TEST_PG_PASSWORD"] ?? "" }

    /// The connection block of a source file, with the password taken from `HAMKOR_TEST_PG_PASSWORD`.
    static func connection(port: String? = nil, passwordVariable: String = "HAMKOR_TEST_PG_PASSWORD", extra: String = "") -> String {
        """
        postgresql:
          host: 127.0.0.1
          port: \(port ?? environment["HAMKOR_TEST_PG_PORT"] ?? "5432")
          database: hamkor
          user: hamkor_reader
          password: {env: \(passwordVariable)}
          tls: disable

        """ + (extra.isEmpty ? "" : extra + "\n")
    }

    /// Writes a source file into a new folder and returns it.
    static func sourceFile(_ text: String, name: String = "db.source.yaml") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hamkor-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Reads a source file without cross-file checks: the records and the problems.
    static func read(_ url: URL, parameters: [String: String] = [:], environment: [String: String]? = nil) throws -> (Dataset, [DataProblem]) {
        let problems = ProblemList()
        let reader = PostgresSourceReader(environment: environment ?? self.environment)
        let dataset = try reader.read(url, context: DatasetReadContext(vocabulary: engine.vocabulary, parameters: parameters), problems: problems)
        return (dataset, problems.problems)
    }

    static func unlocated(_ projects: some Sequence<Project>) -> [Project] {
        projects.map { var project = $0; project.location = SourceLocation(file: ""); return project }
    }
}
