import Foundation
import HamkorCore
import Yams

/// Reads a PostgreSQL source file (`NAME.source.yaml`) with located errors. A password written
/// into the file is refused without echoing it.
public struct PostgresSourceFileReader {
    public init() {}

    private static let connectionKeys = ["host", "port", "database", "user", "password", "tls", "statementTimeout", "rowLimit"]
    private static let queryKeys = ["table", "query", "parameters", "columns"]

    public func read(_ url: URL) throws -> PostgresSource {
        let text = try SourceText.read(url, limit: 1 << 20)
        return try read(text: text, file: url.path)
    }

    public func read(text: String, file: String) throws -> PostgresSource {
        guard let root = try YAMLSafetyGuard.compose(text, file: file) else {
            throw DataError.invalid([DataProblem(SourceLocation(file: file), "the source file is empty")])
        }
        let problems = ProblemList()
        let reader = YAMLNodeReader(file: file, problems: problems)
        let source = read(root, reader)
        guard problems.isEmpty, let source else { throw DataError.invalid(problems.problems) }
        return source
    }

    private func read(_ root: Node, _ reader: YAMLNodeReader) -> PostgresSource? {
        let kinds = RecordSource.allCases.map(\.rawValue)
        guard let pairs = reader.mapping(root, "", allowed: ["postgresql"] + kinds) else { return nil }
        var source = PostgresSource(file: reader.file, host: "127.0.0.1", port: 5432, database: "", user: "", password: .none,
                                    tls: .prefer, statementTimeout: PostgresSource.defaultStatementTimeout,
                                    rowLimit: PostgresSource.defaultRowLimit, queries: [])
        var sawConnection = false
        for (key, value, keyNode) in pairs {
            if key == "postgresql" {
                sawConnection = true
                readConnection(value, into: &source, reader)
            } else if let kind = RecordSource(rawValue: key), case let schema = kind.schema,
                      let query = readQuery(value, schema, location: reader.location(keyNode), reader) {
                source.queries.append(query)
            }
        }
        if !sawConnection { reader.fail(root, "postgresql", "is required: host, port, database, user and password") }
        if source.queries.isEmpty && sawConnection { reader.fail(root, nil, "name at least one record kind to read: \(RecordSource.kindList)") }
        return source
    }

    private func readConnection(_ node: Node, into source: inout PostgresSource, _ reader: YAMLNodeReader) {
        guard let pairs = reader.mapping(node, "postgresql", allowed: Self.connectionKeys) else { return }
        for (key, value, _) in pairs {
            let field = "postgresql.\(key)"
            switch key {
            case "host": source.host = reader.string(value, field) ?? source.host
            case "port": source.port = reader.integer(value, field, range: 1...65535) ?? source.port
            case "database": source.database = reader.string(value, field) ?? ""
            case "user": source.user = reader.string(value, field) ?? ""
            case "statementTimeout": source.statementTimeout = reader.integer(value, field, range: 1...86_400) ?? source.statementTimeout
            case "rowLimit": source.rowLimit = reader.integer(value, field, range: 1...DatasetLimits.maxRecords) ?? source.rowLimit
            case "tls":
                if let text = reader.string(value, field) {
                    if let mode = PostgresSource.TLSMode(rawValue: text) { source.tls = mode } else { reader.fail(value, field, "expected disable, prefer or require") }
                }
            case "password":
                source.password = readPassword(value, reader)
            default: break
            }
        }
        if source.database.isEmpty { reader.fail(node, "postgresql.database", "is required") }
        if source.user.isEmpty { reader.fail(node, "postgresql.user", "is required") }
    }

    /// `{env: NAME}` or `{file: PATH}`; a password written out is refused, and never repeated.
    private func readPassword(_ node: Node, _ reader: YAMLNodeReader) -> PostgresSource.Password {
        if case .scalar = node {
            reader.fail(node, "postgresql.password",
                        "a password must not be written in a source file; use password: {env: VARIABLE} or password: {file: PATH}")
            return .none
        }
        guard let pairs = reader.mapping(node, "postgresql.password", allowed: ["env", "file"]), pairs.count == 1 else {
            reader.fail(node, "postgresql.password", "give exactly one of env or file")
            return .none
        }
        let (key, value, _) = pairs[0]
        guard let text = reader.string(value, "postgresql.password.\(key)") else { return .none }
        return key == "env" ? .environment(text) : .file(text)
    }

    private func readQuery(_ node: Node, _ schema: RecordSchema, location: SourceLocation, _ reader: YAMLNodeReader) -> PostgresSource.Query? {
        let kind = schema.source.rawValue
        guard let pairs = reader.mapping(node, kind, allowed: Self.queryKeys) else { return nil }
        var body: PostgresSource.Query.Body?
        var parameters: [String] = []
        var columns: [String: String] = [:]
        for (key, value, _) in pairs {
            let field = "\(kind).\(key)"
            switch key {
            case "table":
                if let name = reader.string(value, field) {
                    if PostgresIdentifier.isValid(name) { body = .table(name) } else {
                        reader.fail(value, field, "'\(TerminalText.excerpt(name, 60))' is not a table name; write table or schema.table (letters, digits, _), or give a query")
                    }
                }
            case "query":
                if let sql = reader.string(value, field) { body = .sql(sql) }
            case "parameters":
                parameters = reader.listOrScalar(value, field)?.enumerated().compactMap { reader.string($0.element, "\(field)[\($0.offset)]") } ?? []
            case "columns":
                if let mapping = reader.mapping(value, field, allowed: schema.names) {
                    for (name, column, _) in mapping { columns[name] = reader.string(column, "\(field).\(name)") }
                }
            default: break
            }
        }
        if pairs.contains(where: { $0.key == "table" }) && pairs.contains(where: { $0.key == "query" }) {
            reader.fail(node, kind, "give either table or query, not both")
            return nil
        }
        guard let body else {
            reader.fail(node, kind, "give table (a table name) or query (a read-only SELECT)")
            return nil
        }
        if case .table = body, !parameters.isEmpty {
            reader.fail(node, "\(kind).parameters", "parameters bind into a query; a table is read whole")
        }
        return PostgresSource.Query(schema: schema, body: body, parameters: parameters, columns: columns, location: location)
    }
}

/// Table names a source file may give: `table` or `schema.table`, letters, digits and `_`.
enum PostgresIdentifier {
    static func isValid(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts.allSatisfy { part in
            guard let first = part.unicodeScalars.first, part.count <= 63 else { return false }
            return (first == "_" || (first.isASCII && first.properties.isAlphabetic))
                && part.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
        }
    }

    /// `"schema"."table"`, quoted so no name is ever read as SQL.
    static func quoted(_ name: String) -> String {
        name.split(separator: ".").map { "\"\($0)\"" }.joined(separator: ".")
    }
}
