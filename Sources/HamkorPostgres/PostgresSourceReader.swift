import Foundation
import HamkorCore
import Logging
import PostgresNIO

/// Reads records from PostgreSQL through a source file (`NAME.source.yaml`): a ``DatasetReader``
/// the `hamkor` command registers.
///
/// Each record kind's table or query runs in its own read-only transaction with the file's
/// statement timeout, report parameters bound as `$1`, `$2`… (never written into the SQL), and
/// at most `rowLimit` rows (one more is an error). Rows are checked by ``FlatRecordReader``
/// exactly as file records are; errors name the source file, the record kind's query and the
/// row's key. The password is read from the environment or a file and appears in no message.
///
/// Exit codes: a database that cannot be reached, a refused login or a timeout is
/// ``DataError/unreadable(path:reason:)`` (66); a failing query or a bad row is a located data
/// error (65).
public struct PostgresSourceReader: DatasetReader {
    public var formatID: String { "postgresql" }
    public var fileSuffixes: [String] { [Self.suffix] }

    /// The ending of source files.
    public static let suffix = ".source.yaml"

    /// Where `{env: NAME}` passwords are looked up.
    public let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public func read(_ file: URL, context: DatasetReadContext, problems: ProblemList) throws -> Dataset {
        let source: PostgresSource
        do {
            source = try PostgresSourceFileReader().read(file)
        } catch let error as DataError {
            if case .invalid(let found) = error { found.forEach(problems.add); return Dataset() }
            throw error
        }
        var values: [[String]] = []
        for query in source.queries {
            var row: [String] = []
            for name in query.parameters {
                guard let value = context.parameters[name] else {
                    problems.add(query.location, field: "\(query.schema.source.rawValue).parameters",
                                 "the query needs the report parameter '\(name)'; give it with --param \(name)=VALUE")
                    continue
                }
                row.append(value)
            }
            values.append(row)
        }
        guard problems.isEmpty else { return Dataset() }
        let password = try self.password(source)
        let session = PostgresSession(source: source, password: password)
        defer { session.close() }
        try session.connect()
        var dataset = Dataset()
        dataset.files = [file.path]
        let records = FlatRecordReader(vocabulary: context.vocabulary, problems: problems)
        for (query, binds) in zip(source.queries, values) {
            try session.read(query, binds: binds, records: records, problems: problems, into: &dataset)
        }
        return dataset
    }

    /// The password from its variable or file; a missing one is an unreadable input (66).
    func password(_ source: PostgresSource) throws -> String? {
        switch source.password {
        case .none:
            return nil
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else {
                throw DataError.unreadable(path: source.file, reason: "the password variable \(name) is not set")
            }
            return value
        case .file(let path):
            let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: source.file).deletingLastPathComponent())
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw DataError.unreadable(path: source.file, reason: "the password file \(url.path) cannot be read")
            }
            return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        }
    }
}
