import Foundation
import HamkorCore
import Yams

/// A batch job file: shared defaults and the list of jobs, as `hamkor batch` and
/// `hamkor schedule` read it.
///
/// ```yaml
/// data: [Reports/sample-data]        # optional, relative to this file's folder
/// output: "{date}/{report}/{report}.{lang}.{format}"
/// timezone: Asia/Tashkent            # optional default for every job (else UTC)
/// jobs:
///   - name: weekly-portfolio
///     report: portfolio              # or reports: [portfolio, briefing]
///     languages: [en, uz, az, ru]    # default [en]
///     formats: [xlsx, csv, txt]      # default [txt]
///     schedule: "0 7 * * MON"        # optional, 5-field cron
///     timezone: Asia/Tashkent        # optional
///     data: [other-data]             # optional override
///     strict: false                  # optional
/// ```
public struct JobFile: Sendable {
    /// The job file itself.
    public var url: URL
    /// The file-level dataset paths (`nil`: the bundled sample).
    public var data: [URL]?
    /// Where each unit's output goes, relative to `--out`.
    public var output: OutputTemplate
    /// The file-level default zone, if written.
    public var timeZone: TimeZone?
    /// The jobs, in file order.
    public var jobs: [Job]
    /// The lowercase hex SHA-256 of the file's text, which every manifest records: shards
    /// merge, and `--resume` reuses outputs, only under the same job file.
    public var sha256: String

    public init(url: URL, data: [URL]? = nil, output: OutputTemplate = .standard, timeZone: TimeZone? = nil, jobs: [Job],
                sha256: String = "") {
        self.url = url
        self.sha256 = sha256
        self.data = data
        self.output = output
        self.timeZone = timeZone
        self.jobs = jobs
    }

    /// The largest job file read, so hostile input cannot exhaust memory.
    public static let maxFileSize = 1 << 20

    /// Loads and checks a job file.
    ///
    /// - Parameters:
    ///   - knownReports: the report ids that exist (from the report registry).
    ///   - knownFormats: the exporter ids that exist (from the exporter registry).
    /// - Throws: ``DataError/notFound(path:)`` or ``DataError/unreadable(path:reason:)`` (exit 66);
    ///   ``DataError/invalid(_:)`` listing every located problem (exit 65).
    public static func load(from url: URL, knownReports: [String], knownFormats: [String]) throws(DataError) -> JobFile {
        // The same checks as every Hamkor input: missing, not a regular file, too large, not UTF-8.
        let text: String
        do {
            text = try SourceText.read(url, limit: maxFileSize)
        } catch let error as DataError {
            throw error
        } catch {
            throw DataError.unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        return try parse(text, file: url.path, baseFolder: url.deletingLastPathComponent(),
                         knownReports: knownReports, knownFormats: knownFormats)
    }

    /// Parses job-file text; relative data paths resolve against `baseFolder`.
    ///
    /// - Throws: ``DataError/invalid(_:)`` listing every located problem.
    public static func parse(_ text: String, file: String, baseFolder: URL,
                             knownReports: [String], knownFormats: [String]) throws(DataError) -> JobFile {
        let problems = ProblemList(limit: 200)
        let reader = YAMLNodeReader(file: file, problems: problems)
        // Anchors, aliases and deep nesting are refused before parsing, as in every Hamkor file.
        let root = try YAMLSafetyGuard.compose(text, file: file)
        let jobFile = JobFileReader(reader: reader, baseFolder: baseFolder, url: URL(fileURLWithPath: file),
                                    knownReports: knownReports, knownFormats: knownFormats).read(root)
        guard problems.isEmpty, var jobFile else { throw DataError.invalid(problems.problems) }
        jobFile.sha256 = FileDigest.sha256(Data(text.utf8))
        return jobFile
    }
}
