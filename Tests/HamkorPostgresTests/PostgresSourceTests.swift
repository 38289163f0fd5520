import Foundation
import Testing
import HamkorCore
@testable import HamkorPostgres

/// Reading from a real PostgreSQL server (started by scripts/with-postgres.sh), never a mock.
@Suite(.enabled(if: PostgresTestServer.isRunning, "no test server: run through scripts/with-postgres.sh (make test does)"))
struct PostgresSourceTests {
    typealias Server = PostgresTestServer

    @Test func theSampleProjectsTableReadsToTheSampleProjects() throws {
        let url = try Server.sourceFile(Server.connection() + "projects:\n  table: projects\n")
        let (dataset, problems) = try Server.read(url)
        #expect(problems.isEmpty, "\(problems)")
        let sample = try Server.engine.loadDataset([])
        // A table is read in the order of its first column (here the id).
        #expect(Server.unlocated(dataset.projects) == Server.unlocated(sample.projects.sorted { $0.id < $1.id }))
        #expect(dataset.projects.first?.location.description == "\(url.path):projects[id=prj-agri-01]")
    }

    /// Any record kind reads from a table in its flat form: the treaty register (dates as
    /// `date`, parties as `text[]`, one title column per language) gives the sample's agreements.
    @Test func theAgreementsTableReadsToTheSampleAgreements() throws {
        let url = try Server.sourceFile(Server.connection() + "agreements:\n  table: agreements\n")
        let (dataset, problems) = try Server.read(url)
        #expect(problems.isEmpty, "\(problems)")
        let sample = try Server.engine.loadDataset([])
        func unlocated(_ records: [Agreement]) -> [Agreement] {
            records.map { var record = $0; record.location = SourceLocation(file: ""); return record }
        }
        #expect(dataset.agreements.count == sample.agreements.count && !dataset.agreements.isEmpty)
        #expect(unlocated(dataset.agreements) == unlocated(sample.agreements.sorted { $0.id < $1.id }))
        #expect(dataset.agreements.first?.location.description == "\(url.path):agreements[id=\(dataset.agreements[0].id)]")
    }

    @Test func aDepartmentsTableThroughColumnMapsAndAQueryWithABoundParameter() throws {
        let url = try Server.sourceFile(Server.connection() + """
            projects:
              query: |
                SELECT "ProjectCode", "Title", "Branch", "Region", "Partners", "Cost", "Currency", "State", "StartDate", "EndYear"
                FROM register WHERE $1 = ANY ("Partners") ORDER BY "ProjectCode"
              parameters: [partner]
              columns: {id: ProjectCode, name.en: Title, sector: Branch, places: Region, partners: Partners,
                        value: Cost, currency: Currency, status: State, startYear: StartDate, endYear: EndYear}
            """)
        let (dataset, problems) = try Server.read(url, parameters: ["partner": "AZ"])
        #expect(problems.isEmpty, "\(problems)")
        #expect(dataset.projects.map(\.id) == ["reg-1", "reg-2"])
        #expect(dataset.projects[0].startYear == 2024 && dataset.projects[0].endYear == nil)
        #expect(dataset.projects[1].value == Money(amount: Decimal(string: "8750250.5")!, currency: "USD"))
        #expect(dataset.projects[1].partners == ["UZ", "AZ"] && dataset.projects[1].places == ["UZ-SA"])
        let (none, _) = try Server.read(url, parameters: ["partner": "KZ"])
        #expect(none.projects.isEmpty)
    }

    @Test func sqlInjectionInAParameterIsJustAValue() throws {
        let url = try Server.sourceFile(Server.connection() + """
            trade:
              query: SELECT * FROM trade WHERE partner = $1 ORDER BY period, flow, chapter
              parameters: [partner]
            """)
        let (hostile, problems) = try Server.read(url, parameters: ["partner": "AZ'; DROP TABLE trade; --"])
        #expect(problems.isEmpty && hostile.trade.isEmpty)
        let (after, _) = try Server.read(url, parameters: ["partner": "AZ"])
        #expect(after.trade.count == 280)  // every row of Reports/sample-data/trade.yaml
        #expect(after.trade.first?.id == "UZ-AZ-2021-Q1-export-07")
        #expect(after.trade.first?.value == Money(amount: 1_100_000, currency: "USD"))
        #expect(after.trade.first?.section == "II" && after.trade.first?.illustrative == true)
    }

    @Test func badRowsAreLocatedByTheSourceFileTheQueryAndTheRowKey() throws {
        let url = try Server.sourceFile(Server.connection() + "projects:\n  query: SELECT id, name_en, sector, status, value, currency, start_year, end_year FROM bad_projects ORDER BY id\n")
        let (dataset, problems) = try Server.read(url)
        #expect(dataset.projects.isEmpty)
        let lines = problems.map { $0.description.replacingOccurrences(of: url.path, with: "db.source.yaml") }
        #expect(lines.contains("db.source.yaml:projects[id=bad-negative]: error: value: must not be negative (found -5)"))
        #expect(lines.contains("db.source.yaml:projects[id=bad-years]: error: endYear: 2024 is before startYear 2026"))
        #expect(lines.contains { $0.hasPrefix("db.source.yaml:projects[id=bad-sector]: error: sector: unknown sector code 'energetics'") })
        #expect(lines.contains { $0.hasPrefix("db.source.yaml:projects[id=bad/id]: error: id: 'bad/id' is not a valid id") })
    }

    @Test func aFloatAmountIsRefusedAsInexact() throws {
        let url = try Server.sourceFile(Server.connection() + "projects:\n  query: SELECT id, name_en, sector, status, share AS value, 'USD' AS currency FROM bad_projects WHERE id = 'bad-negative'\n")
        let problems = try Server.read(url).1
        // A NULL double is an empty value; a present one is refused.
        #expect(problems.isEmpty)
        let url2 = try Server.sourceFile(Server.connection() + "projects:\n  query: SELECT 'p1' AS id, 'P' AS name_en, 'energy' AS sector, 'agreed' AS status, 1.5::float8 AS value, 'USD' AS currency\n")
        let refused = try Server.read(url2).1.map(\.message)
        #expect(refused == ["column 'value' is double precision, which is not exact; cast it to numeric in the query"])
    }

    @Test func tenMillionRowsStopAtTheRowLimit() throws {
        let url = try Server.sourceFile(Server.connection(extra: "  rowLimit: 1000") + "projects:\n  table: huge\n")
        let problems = try Server.read(url).1
        #expect(problems.map(\.message) == ["the query returned more than 1000 rows, the source file's rowLimit; narrow the query or raise rowLimit"])
    }

    @Test func queriesRunReadOnly() throws {
        let url = try Server.sourceFile(Server.connection() + "projects:\n  query: \"WITH gone AS (DELETE FROM projects RETURNING *) SELECT * FROM gone\"\n")
        let problems = try Server.read(url).1
        #expect(problems.count == 1 && problems.first?.location.line == 8, "\(problems)")
        let locking = try Server.sourceFile(Server.connection() + "projects:\n  query: SELECT * FROM projects FOR UPDATE\n")
        let refused = try Server.read(locking).1.map(\.message)
        #expect(refused.count == 1 && (refused[0].contains("read-only transaction") || refused[0].contains("permission denied")), "\(refused)")
        let (after, _) = try Server.read(try Server.sourceFile(Server.connection() + "projects:\n  table: projects\n"))
        #expect(after.projects.count == 15)
    }

    @Test func theStatementTimeoutEndsASlowQuery() throws {
        let url = try Server.sourceFile(Server.connection(extra: "  statementTimeout: 1") + "projects:\n  table: slow\n")
        #expect {
            _ = try Server.read(url)
        } throws: { error in
            guard case DataError.unreadable(_, let reason) = error else { return false }
            return reason == "the projects query ran longer than the statement timeout of 1 s"
        }
    }

    @Test func aQueryErrorIsLocatedAtTheQueryInTheSourceFile() throws {
        let url = try Server.sourceFile(Server.connection() + "projects:\n  query: SELECT nosuchcolumn FROM projects\n")
        let problems = try Server.read(url).1
        #expect(problems.map(\.description) == ["\(url.path):8:1: error: projects: the query failed: column \"nosuchcolumn\" does not exist (SQLSTATE 42703)"])
    }
}

/// Connection failures are one clear line (exit 66) and never show the password.
@Suite(.enabled(if: PostgresTestServer.isRunning, "no test server: run through scripts/with-postgres.sh (make test does)"))
struct PostgresConnectionFailureTests {
    typealias Server = PostgresTestServer

    private func reason(_ url: URL, environment: [String: String]) -> String? {
        do { _ = try Server.read(url, environment: environment); return nil } catch DataError.unreadable(_, let reason) { return reason } catch { return "\(error)" }
    }

    @Test func aWrongPasswordIsAOneLineErrorWithoutThePassword() throws {
        let secret = "wrong-\(UUID().uuidString)"
        let url = try Server.sourceFile(Server.connection(passwordVariable: "PG_SECRET") + "projects:\n  table: projects\n")
        let found = try #require(reason(url, environment: ["PG_SECRET": secret]))
        #expect(found.contains("password authentication failed for user \"hamkor_reader\""))
        #expect(!found.contains(secret) && !found.contains("\n"))
    }

    @Test func anUnreachableServerIsAOneLineError() throws {
        let url = try Server.sourceFile(Server.connection(port: "1") + "projects:\n  table: projects\n")
        let found = try #require(reason(url, environment: Server.environment))
        #expect(found.hasPrefix("cannot connect to PostgreSQL at 127.0.0.1:1, database hamkor:"))
        #expect(!found.contains(Server.password) && !found.contains("\n"))
    }

    @Test func aMissingPasswordVariableIsNamed() throws {
        let url = try Server.sourceFile(Server.connection(passwordVariable: "NO_SUCH_VARIABLE") + "projects:\n  table: projects\n")
        #expect(reason(url, environment: [:]) == "the password variable NO_SUCH_VARIABLE is not set")
    }
}
