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

    public init(url: URL, data: [URL]? = nil, output: OutputTemplate = .standard, timeZone: TimeZone? = nil, jobs: [Job]) {
        self.url = url
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
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw DataError.notFound(path: url.path)
        }
        if isDirectory.boolValue { throw DataError.unreadable(path: url.path, reason: "is a folder, not a job file") }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: maxFileSize + 1) ?? Data()
        } catch {
            throw DataError.unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        guard data.count <= maxFileSize else {
            throw DataError.invalid([DataProblem(SourceLocation(file: url.path), "the job file is larger than \(maxFileSize / 1024) KiB")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataError.invalid([DataProblem(SourceLocation(file: url.path), "is not UTF-8 text")])
        }
        return try parse(text, file: url.path, baseFolder: url.deletingLastPathComponent(),
                         knownReports: knownReports, knownFormats: knownFormats)
    }

    /// Parses job-file text; relative data paths resolve against `baseFolder`.
    ///
    /// - Throws: ``DataError/invalid(_:)`` listing every located problem.
    public static func parse(_ text: String, file: String, baseFolder: URL,
                             knownReports: [String], knownFormats: [String]) throws(DataError) -> JobFile {
        let problems = JobProblems()
        let reader = JobYAMLReader(file: file, problems: problems)
        let lexical = JobFileReader.lexicalProblems(text, file: file)
        if !lexical.isEmpty { throw DataError.invalid(lexical) }
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DataError.invalid([JobFileReader.problem(error, file: file)])
        } catch {
            throw DataError.invalid([DataProblem(SourceLocation(file: file), "cannot parse: \(error)")])
        }
        let jobFile = JobFileReader(reader: reader, baseFolder: baseFolder, url: URL(fileURLWithPath: file),
                                    knownReports: knownReports, knownFormats: knownFormats).read(root)
        guard problems.isEmpty, let jobFile else { throw DataError.invalid(problems.problems) }
        return jobFile
    }
}
