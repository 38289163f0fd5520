import Foundation
import Testing
import HamkorCore
@testable import HamkorPostgres

/// Source files are checked before any connection: located errors, and no password in them.
@Suite struct PostgresSourceFileTests {
    private func problems(_ text: String) -> [String] {
        do { _ = try PostgresSourceFileReader().read(text: text, file: "db.source.yaml"); return [] } catch DataError.invalid(let found) {
            return found.map(\.description)
        } catch { return ["\(error)"] }
    }

    @Test func aWrittenPasswordIsRefusedWithoutRepeatingIt() {
        let found = problems("postgresql: {database: h, user: u, password: hunter2-secret}\nprojects: {table: projects}\n")
        #expect(found == ["db.source.yaml:1:46: error: postgresql.password: a password must not be written in a source file; use password: {env: VARIABLE} or password: {file: PATH}"])
        #expect(!found.joined().contains("hunter2"))
    }

    @Test func tableNamesAreIdentifiersAndQueriesNeedNoInterpolation() {
        let found = problems("postgresql: {database: h, user: u}\nprojects: {table: \"projects; DROP TABLE x\"}\n")
        #expect(found.first?.hasPrefix("db.source.yaml:2:19: error: projects.table: 'projects; DROP TABLE x' is not a table name") == true)
        #expect(PostgresIdentifier.quoted("public.projects") == "\"public\".\"projects\"")
        #expect(!PostgresIdentifier.isValid("a.b.c") && PostgresIdentifier.isValid("_x1"))
    }

    @Test func unknownKeysAndKindsAreReported() {
        let found = problems("postgresql: {database: h, user: u, pasword: {env: X}}\ncontracts: {table: a}\n")
        #expect(found.contains { $0.contains("unknown field 'pasword'; did you mean 'password'?") })
        #expect(found.contains { $0.contains("unknown field 'contracts'") })
    }

    @Test func aMissingParameterSaysHowToGiveIt() throws {
        let url = try PostgresTestServer.sourceFile("postgresql: {database: h, user: u, tls: disable}\ntrade: {query: 'SELECT * FROM trade WHERE partner = $1', parameters: [partner]}\n")
        let problems = try PostgresTestServer.read(url, environment: [:]).1
        #expect(problems.map(\.message) == ["the query needs the report parameter 'partner'; give it with --param partner=VALUE"])
    }
}
