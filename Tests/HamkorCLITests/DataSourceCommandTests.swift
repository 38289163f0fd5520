import Foundation
import Testing

/// Excel registers and PostgreSQL sources through the built binary: `--data`, `--profile`,
/// `validate`, `import`, and the same reports whatever the data came from.
@Suite(.serialized) struct DataSourceCommandTests {
    static let registers = CLIRunner.repositoryRoot.appendingPathComponent("Tests/HamkorRegistersTests/Fixtures")
    static let sample = CLIRunner.repositoryRoot.appendingPathComponent("Reports/sample-data")
    static let environment = ProcessInfo.processInfo.environment
    static var postgresRunning: Bool { environment["HAMKOR_TEST_PG_PORT"] != nil }

    /// The sample dataset with its projects taken from somewhere else: every sample file but
    /// projects.yaml, plus `files` (name → source URL).
    static func sampleWithProjects(from files: [String: URL]) throws -> URL {
        try sample(replacing: ["projects.yaml"], with: files)
    }

    /// The sample dataset with the files `replaced` left out and `files` (name → source URL) added.
    static func sample(replacing replaced: Set<String>, with files: [String: URL]) throws -> URL {
        let folder = CLIRunner.temporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: sample.path) where !replaced.contains(name) {
            try FileManager.default.copyItem(at: sample.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        for (name, url) in files { try FileManager.default.copyItem(at: url, to: folder.appendingPathComponent(name)) }
        return folder
    }

    static func postgresSource(_ body: String) -> String {
        """
        postgresql:
          host: 127.0.0.1
          port: \(environment["HAMKOR_TEST_PG_PORT"] ?? "5432")
          database: hamkor
          user: hamkor_reader
          password: {env: HAMKOR_TEST_PG_PASSWORD}
          tls: disable
        \(body)
        """
    }

    /// Every bundled report, in text and data CSV, for one `--data` folder.
    static func reports(_ data: URL) throws -> [String: String] {
        var outputs: [String: String] = [:]
        for report in ["portfolio", "briefing", "agreements", "twin-cities", "trade"] {
            for (format, extra) in [("txt", [String]()), ("csv", ["--csv-dialect", "data"])] {
                let result = try CLIRunner.run(["report", report, "--data", data.path, "--lang", "ru", "--format", format] + extra)
                #expect(result.status == 0, "\(report) \(format): \(result.stderr)")
                outputs["\(report).\(format)"] = result.stdout
            }
        }
        return outputs
    }

    @Test func theRussianRegisterGivesTheSameReportsAsTheYAML() throws {
        let folder = try Self.sampleWithProjects(from: [
            "ru-projects.xlsx": Self.registers.appendingPathComponent("ru-projects.xlsx"),
            "ru-projects.profile.yaml": Self.registers.appendingPathComponent("ru-projects.profile.yaml"),
        ])
        let fromYAML = try Self.reports(Self.sample)
        let fromRegister = try Self.reports(folder)
        #expect(fromYAML.count == 10)
        for (name, text) in fromYAML { #expect(fromRegister[name] == text, "\(name) differs") }
    }

    @Test(.enabled(if: postgresRunning, "no test server: run through scripts/with-postgres.sh (make test does)"))
    func postgreSQLGivesTheSameReportsAsTheYAML() throws {
        let source = CLIRunner.temporaryFolder().appendingPathComponent("sample.source.yaml")
        try Data(Self.postgresSource("""
            projects:
              query: SELECT * FROM projects ORDER BY position
            agreements:
              query: SELECT * FROM agreements ORDER BY position
            trade:
              query: SELECT * FROM trade ORDER BY position
            """).utf8).write(to: source)
        let folder = try Self.sample(replacing: ["projects.yaml", "agreements.yaml", "trade.yaml"], with: ["sample.source.yaml": source])
        let fromYAML = try Self.reports(Self.sample)
        let fromDatabase = try Self.reports(folder)
        for (name, text) in fromYAML { #expect(fromDatabase[name] == text, "\(name) differs") }
    }

    @Test func validateTakesARegisterWithAProfileAndTheFilesItReferences() throws {
        let result = try CLIRunner.run(["validate", "--data", Self.registers.appendingPathComponent("uz-projects.xlsx").path,
                                        "--profile", Self.registers.appendingPathComponent("uz-projects.profile.yaml").path,
                                        "--data", Self.sample.appendingPathComponent("dataset.yaml").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("ok: 4 projects"))
    }

    @Test func aBadRegisterIsExit65WithSheetAndCell() throws {
        let folder = CLIRunner.temporaryFolder()
        try FileManager.default.copyItem(at: Self.registers.appendingPathComponent("uz-projects.xlsx"), to: folder.appendingPathComponent("r.xlsx"))
        try Data("""
            records: projects
            sheet: Loyihalar
            header: 3
            columns: {id: Loyiha kodi, name.en: Loyiha nomi (inglizcha), sector: Tarmoq, status: Holati, value: {column: I}, currency: {value: USD}}
            end: Jami
            """.utf8).write(to: folder.appendingPathComponent("r.profile.yaml"))
        let result = try CLIRunner.run(["validate", "--data", "r.xlsx"], in: folder)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("\(folder.path)/r.xlsx:Loyihalar!I4: error: value: expected a number, found 'Amalga oshirilmoqda'"))
    }

    @Test func importWritesYAMLThatLoadsToTheSameRecords() throws {
        let folder = CLIRunner.temporaryFolder()
        let output = folder.appendingPathComponent("trade.yaml")
        let result = try CLIRunner.run(["import", Self.registers.appendingPathComponent("trade-wide.xlsx").path, "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("imported 8 trade flows"))
        let yaml = try String(contentsOf: output, encoding: .utf8)
        #expect(yaml.contains("  - {reporter: \"UZ\", partner: \"AZ\", period: \"2021\", flow: \"import\", section: \"V\", value: {amount: \"4000500000\", currency: \"USD\"}}\n"), "\(yaml)")
        let check = try CLIRunner.run(["validate", "--data", output.path])
        #expect(check.status == 0 && check.stdout.contains("8 trade flows"), "\(check.stderr)")
        // Projects: the Uzbek register to stdout, and back through validate with the places.
        let projects = try CLIRunner.run(["import", "--profile", Self.registers.appendingPathComponent("uz-projects.profile.yaml").path,
                                          Self.registers.appendingPathComponent("uz-projects.xlsx").path])
        #expect(projects.status == 0)
        let saved = folder.appendingPathComponent("projects.yaml")
        try Data(projects.stdout.utf8).write(to: saved)
        let reload = try CLIRunner.run(["validate", "--data", saved.path, "--data", Self.sample.appendingPathComponent("dataset.yaml").path])
        #expect(reload.status == 0 && reload.stdout.contains("4 projects"), "\(reload.stderr)")
        #expect(projects.stdout.contains("name: {en: \"Cotton yarn factory in Fergana\", uz: \"Fargʻonada paxta ipi fabrikasi\"}"))
    }

    @Test func importLeavesNoFileWhenTheRegisterIsBad() throws {
        let folder = CLIRunner.temporaryFolder()
        let output = folder.appendingPathComponent("out.yaml")
        try Data("keep me".utf8).write(to: output)
        let result = try CLIRunner.run(["import", "--profile", Self.registers.appendingPathComponent("trade-wide.profile.yaml").path,
                                        Self.registers.appendingPathComponent("uz-projects.xlsx").path, "--output", output.path])
        #expect(result.status == 65)
        #expect(try String(contentsOf: output, encoding: .utf8) == "keep me")
        let missing = try CLIRunner.run(["import", folder.appendingPathComponent("nope.xlsx").path, "--output", output.path])
        #expect(missing.status == 66 || missing.status == 65)
        let notWorkbook = try CLIRunner.run(["import", "data.csv"])
        #expect(notWorkbook.status == 64)
    }

    @Test(.enabled(if: postgresRunning, "no test server: run through scripts/with-postgres.sh (make test does)"))
    func aWrongPasswordIsExit66AndThePasswordIsNeverPrinted() throws {
        let secret = "Sup3r-secret-\(UUID().uuidString.prefix(8))"
        let source = CLIRunner.temporaryFolder().appendingPathComponent("db.source.yaml")
        try Data(Self.postgresSource("projects:\n  table: projects\n").replacingOccurrences(of: "HAMKOR_TEST_PG_PASSWORD", with: "WRONG_PASSWORD").utf8).write(to: source)
        for arguments in [["validate", "--data", source.path], ["report", "portfolio", "--data", source.path], ["validate", "--data", source.path, "--verbose", "--log-format", "json"]] {
            let result = try CLIRunner.run(arguments, environment: ["WRONG_PASSWORD": secret])
            #expect(result.status == 66, "\(result.stderr)")
            #expect(result.stderr.contains("password authentication failed"))
            #expect(!result.stderr.contains(secret) && !result.stdout.contains(secret))
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        let right = try CLIRunner.run(["validate", "--data", source.path, "--data", Self.sample.appendingPathComponent("dataset.yaml").path],
                                      environment: ["WRONG_PASSWORD": Self.environment["HAMKOR_TEST_PG_PASSWORD"] ?? ""])
        #expect(right.status == 0, "\(right.stderr)")
        #expect(!right.stderr.contains(Self.environment["HAMKOR_TEST_PG_PASSWORD"] ?? "unset") && !right.stdout.contains(Self.environment["HAMKOR_TEST_PG_PASSWORD"] ?? "unset"))
    }

    @Test func anUnreachableDatabaseIsExit66() throws {
        let source = CLIRunner.temporaryFolder().appendingPathComponent("db.source.yaml")
        try Data("postgresql: {host: 127.0.0.1, port: 1, database: x, user: y, tls: disable}\nprojects: {table: projects}\n".utf8).write(to: source)
        let result = try CLIRunner.run(["validate", "--data", source.path])
        #expect(result.status == 66)
        #expect(result.stderr.hasPrefix("\(source.path): error: cannot read: cannot connect to PostgreSQL at 127.0.0.1:1, database x:"))
    }
}
