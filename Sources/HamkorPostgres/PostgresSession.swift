import Foundation
import HamkorCore
import Logging
import PostgresNIO

/// One connection to the server for one source file, used from a plain thread through
/// PostgresNIO's future API (never from Swift concurrency's shared threads, which a blocking
/// wait could starve). Messages quote the server's words, never the login's secrets.
final class PostgresSession: @unchecked Sendable {
    let source: PostgresSource
    private let password: String?
    private var connection: PostgresConnection?
    private let logger = Logger(label: "hamkor.postgresql", factory: { _ in SwiftLogNoOpLogHandler() })

    init(source: PostgresSource, password: String?) {
        self.source = source
        self.password = password
    }

    private var address: String { "\(source.host):\(source.port)" }

    func connect() throws {
        let tls: PostgresConnection.Configuration.TLS
        switch source.tls {
        case .disable: tls = .disable
        case .prefer, .require:
            do {
                let context = try NIOSSLContext(configuration: .makeClientConfiguration())
                tls = source.tls == .prefer ? .prefer(context) : .require(context)
            } catch {
                throw DataError.unreadable(path: source.file, reason: "cannot set up TLS for PostgreSQL at \(address)")
            }
        }
        var configuration = PostgresConnection.Configuration(host: source.host, port: source.port, username: source.user,
                                                             password: password, database: source.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        do {
            connection = try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(),
                                                        configuration: configuration, id: 1, logger: logger).wait()
        } catch {
            throw DataError.unreadable(path: source.file, reason: "cannot connect to PostgreSQL at \(address), database \(source.database): \(Self.describe(error))")
        }
    }

    func close() {
        try? connection?.close().wait()
        connection = nil
    }

    /// Runs one record kind's query in a read-only transaction and reads its rows.
    func read(_ query: PostgresSource.Query, binds: [String], records: FlatRecordReader, problems: ProblemList,
              into dataset: inout Dataset) throws {
        guard let connection else { return }
        let kind = query.schema.source.rawValue
        let collector = RowCollector(query: query, file: source.file, rowLimit: source.rowLimit)
        var bindings = PostgresBindings(capacity: binds.count)
        for value in binds { bindings.append(value) }
        let sql: String
        switch query.body {
        case .table(let name):
            sql = "SELECT * FROM \(PostgresIdentifier.quoted(name)) ORDER BY 1 LIMIT \(source.rowLimit + 1)"
        case .sql(let text):
            // Wrapped so the row limit holds whatever the query; its own ORDER BY is kept.
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ";")))
            sql = "SELECT * FROM (\n\(trimmed)\n) AS hamkor_rows LIMIT \(source.rowLimit + 1)"
        }
        do {
            _ = try connection.query("BEGIN READ ONLY ISOLATION LEVEL REPEATABLE READ", logger: logger).wait()
            _ = try connection.query(PostgresQuery(unsafeSQL: "SET LOCAL statement_timeout = \(source.statementTimeout * 1000)"), logger: logger).wait()
            _ = try connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger) { row in
                try collector.take(row)
            }.wait()
            _ = try connection.query("ROLLBACK", logger: logger).wait()
        } catch let limit as RowCollector.TooMany {
            _ = try? connection.query("ROLLBACK", logger: logger).wait()
            problems.add(query.location, field: kind, limit.message)
            return
        } catch {
            _ = try? connection.query("ROLLBACK", logger: logger).wait()
            if let psql = error as? PSQLError, psql.code == .server {
                let state = psql.serverInfo?[.sqlState] ?? ""
                let message = psql.serverInfo?[.message] ?? "the server refused the query"
                if state == "57014" {  // query_canceled: the statement timeout
                    throw DataError.unreadable(path: source.file, reason: "the \(kind) query ran longer than the statement timeout of \(source.statementTimeout) s")
                }
                problems.add(query.location, field: kind, "the query failed: \(message) (SQLSTATE \(state))")
                return
            }
            throw DataError.unreadable(path: source.file, reason: "PostgreSQL at \(address) failed while reading \(kind): \(Self.describe(error))")
        }
        for (record, failures) in collector.records {
            failures.forEach(problems.add)
            if failures.isEmpty { records.read(record, as: query.schema, into: &dataset) }
        }
    }

    /// A connection error in a person's words: the server's message, or the network's.
    static func describe(_ error: Error) -> String {
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] { return message }
            if let underlying = psql.underlying { return "\(underlying)" }
            switch psql.code {
            case .connectionError: return "the connection failed"
            case .sslUnsupported: return "the server does not offer TLS (set tls: disable on a trusted network)"
            case .authMechanismRequiresPassword: return "the server asks for a password; give password: {env: VARIABLE}"
            default: return "\(psql.code)"
            }
        }
        return "\(error)"
    }
}

/// Gathers a query's rows on the connection's thread, bounded by the row limit.
final class RowCollector: @unchecked Sendable {
    struct TooMany: Error { var message: String }

    private let query: PostgresSource.Query
    private let file: String
    private let rowLimit: Int
    private let lock = NSLock()
    private var layout: FlatRecord.Layout?
    private var slots: [Int?] = []
    private var rows: [(FlatRecord, [DataProblem])] = []

    init(query: PostgresSource.Query, file: String, rowLimit: Int) {
        self.query = query
        self.file = file
        self.rowLimit = rowLimit
    }

    /// A field's column: the one mapped in the source file, else the one named like the field
    /// (case, `_`, `.` and `-` ignored: `name_uz_cyrl` is `name.uz-Cyrl`, `start_year` is `startYear`).
    private static func normalize(_ name: String) -> String {
        name.lowercased().filter { $0 != "_" && $0 != "." && $0 != "-" }
    }

    func take(_ row: PostgresRow) throws {
        lock.lock()
        defer { lock.unlock() }
        if rows.count >= rowLimit {
            throw TooMany(message: "the query returned more than \(rowLimit) rows, the source file's rowLimit; narrow the query or raise rowLimit")
        }
        let cells = Array(row)
        if layout == nil {
            var columnIndex: [String: Int] = [:]
            for (index, cell) in cells.enumerated() { columnIndex[Self.normalize(cell.columnName)] = index }
            let fields = query.schema.columns
            slots = fields.map { field in columnIndex[Self.normalize(query.columns[field.name] ?? field.name)] }
            let names = fields.map(\.name)
            layout = FlatRecord.Layout(names: names) { record, _, _ in record }
        }
        guard let layout else { return }
        var texts: [String] = []
        texts.reserveCapacity(slots.count)
        var failures: [(field: String, message: String)] = []
        let kind = query.schema.source.rawValue
        for (slot, field) in zip(slots, query.schema.columns) {
            guard let slot else { texts.append(""); continue }
            do {
                texts.append(try PostgresCellText.text(cells[slot], kind: field.type))
            } catch let error as PostgresCellText.Unsupported {
                failures.append((field.name, error.message))
                texts.append("")
            }
        }
        let location = SourceLocation(file: file, place: "\(kind)[\(key(texts))]")
        rows.append((FlatRecord(layout: layout, texts: texts, row: rows.count + 1, location: location),
                     failures.map { DataProblem(location, field: $0.field, $0.message) }))
    }

    /// The row's key for messages: `id=prj-1`, or `period=2023-Q1 reporter=UZ partner=AZ flow=export chapter=52` for trade.
    private func key(_ texts: [String]) -> String {
        let names = query.schema.source == .trade ? ["period", "reporter", "partner", "flow", "section", "chapter"] : ["id"]
        let parts = names.compactMap { name -> String? in
            guard let index = query.schema.names.firstIndex(of: name) else { return nil }
            let value = texts[index].prefix(40)
            if value.isEmpty && (name == "section" || name == "chapter") { return nil }
            return "\(name)=\(value.isEmpty ? "?" : value)"
        }
        return parts.isEmpty ? "row \(rows.count + 1)" : parts.joined(separator: " ")
    }

    /// Every row taken, with the problems of cells that could not be read.
    var records: [(FlatRecord, [DataProblem])] {
        lock.lock()
        defer { lock.unlock() }
        return rows
    }
}
