import HamkorCore

/// A PostgreSQL source file: where the database is, how to log in (the password's place, never
/// the password), the bounds every query runs within, and per record kind the table or
/// read-only query to read. Read by ``PostgresSourceFileReader``; docs/DATA.md has an example.
public struct PostgresSource: Sendable {
    /// Where the password comes from.
    public enum Password: Sendable, Equatable {
        case none
        /// An environment variable's name.
        case environment(String)
        /// A file holding the password (its first line).
        case file(String)
    }

    /// How the connection is encrypted.
    public enum TLSMode: String, Sendable {
        case disable, prefer, require
    }

    /// What to read for one record kind.
    public struct Query: Sendable {
        public enum Body: Sendable, Equatable {
            /// `schema.table` or `table`: every row, in key order.
            case table(String)
            /// A read-only `SELECT`; parameters bind as `$1`, `$2`… in the order listed.
            case sql(String)
        }

        public var schema: RecordSchema
        public var body: Body
        /// Report parameters bound in order, by name (`partner`, `period`).
        public var parameters: [String]
        /// Field → column where the names differ (`name.en: title_en`).
        public var columns: [String: String]
        /// The record kind's key in the source file, and where it is written, for errors.
        public var location: SourceLocation
    }

    public var file: String
    public var host: String
    public var port: Int
    public var database: String
    public var user: String
    public var password: Password
    public var tls: TLSMode
    /// Seconds a statement may run (`SET LOCAL statement_timeout`).
    public var statementTimeout: Int
    /// The most rows one query may return; more is an error, not a silent cut.
    public var rowLimit: Int
    public var queries: [Query]

    /// The default bound on rows per query: the record limit of a data file.
    public static let defaultRowLimit = DatasetLimits.maxRecords
    /// The default statement timeout, in seconds.
    public static let defaultStatementTimeout = 60
}
