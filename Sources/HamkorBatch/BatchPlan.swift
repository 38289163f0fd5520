import Foundation
import HamkorCore

/// The units a batch will run, with their output paths, after sharding.
///
/// Units are expanded as job × parameter combination × report × language × format, each list
/// in the order the job file gives it, and numbered in that order (relative periods such as
/// `previous-quarter` resolved at `now` in the job's time zone); a shard keeps those
/// ``ShardPartition`` gives it, balanced by expected cost (``UnitCost``). Paths are checked
/// lexically here (no absolute paths, no `..`, no collisions, none of Hamkor's own file names);
/// ``OutputRoot`` checks symbolic links when the folders are created.
public struct BatchPlan: Sendable {
    /// The units of this shard, in batch order.
    public let units: [BatchUnit]
    /// The number of units in the whole batch, before sharding.
    public let totalUnits: Int
    /// The shard this plan covers.
    public let shard: Shard
    /// The zone the manifest's timestamps are written in: the first job's, else UTC.
    public let manifestTimeZone: TimeZone
    /// The job file's path as given and the SHA-256 of its text, for the manifest: shards
    /// merge only when they ran the same job file.
    public let jobFile: (path: String, sha256: String)?

    /// Expands a job file at the moment `now` (which fixes `{date}` and `{datetime}`).
    ///
    /// `reportWeight` gives a report's relative size (such as its number of sections) for the
    /// shard partition; by default every report weighs the same.
    ///
    /// - Throws: ``BatchError/outsideRoot(path:reason:)`` for an absolute template or a `..`
    ///   segment (exit 73); ``BatchError/pathCollision(path:first:second:)`` when two units
    ///   would write one file, ``BatchError/reservedPath(path:owner:reason:)`` when a unit would
    ///   write one of Hamkor's own files (both exit 65; see ``OutputClaims``).
    public init(jobFile: JobFile, shard: Shard = .all, now: Date, reportWeight: (String) -> Int = { _ in 1 }) throws(BatchError) {
        var all: [BatchUnit] = []
        for job in jobFile.jobs {
            let wall = CivilCalendar.wallTime(of: now, in: job.timeZone)
            let template = job.output ?? jobFile.output
            for parameters in Self.combinations(job.parameters, at: now, in: job.timeZone) {
            for report in job.reports {
                for language in job.languages {
                    for format in job.formats {
                        var values = [
                            "report": report, "lang": language.tag, "format": format, "job": job.name,
                            "date": wall.dateText, "datetime": wall.fileDateTimeText,
                        ]
                        for parameter in parameters { values[parameter.name] = parameter.value }
                        let path = template.resolve(values)
                        try Self.checkLexically(path, template: template)
                        all.append(BatchUnit(index: all.count, job: job.name, report: report, language: language,
                                             format: format, path: path, data: job.data, strict: job.strict,
                                             parameters: parameters))
                    }
                }
            }
            }
        }
        // Every unit of every shard: shards must not collide with each other either.
        try OutputClaims.check(all.map { OutputClaims.Claim(owner: $0.description, paths: [$0.path]) })
        if shard.count == 1 {
            self.units = all
        } else {
            let costs = all.map { UnitCost.formatWeight($0.format) * max(1, reportWeight($0.report)) }
            let partition = ShardPartition(costs: costs, count: shard.count)
            self.units = all.filter { partition.shardOfUnit[$0.index] == shard.index }
        }
        self.totalUnits = all.count
        self.jobFile = (jobFile.url.path, jobFile.sha256)
        self.shard = shard
        self.manifestTimeZone = jobFile.jobs.first.flatMap { $0.timeZoneIsExplicit ? $0.timeZone : nil }
            ?? TimeZone(identifier: "UTC")!
    }

    /// Every combination of a job's parameter values, the first parameter varying slowest;
    /// relative periods resolved at `now` in `timeZone`. One empty combination without parameters.
    static func combinations(_ parameters: [JobParameter], at now: Date, in timeZone: TimeZone) -> [[UnitParameter]] {
        var result: [[UnitParameter]] = [[]]
        for parameter in parameters {
            result = result.flatMap { prefix in
                parameter.values.map { value in
                    let resolved = RelativePeriod(rawValue: value.text)?.resolve(at: now, in: timeZone).code ?? value.text
                    return prefix + [UnitParameter(name: parameter.name, value: resolved, location: value.location)]
                }
            }
        }
        return result
    }

    /// A plan over given units (for callers that build units themselves, and tests).
    public init(units: [BatchUnit], totalUnits: Int? = nil, shard: Shard = .all, manifestTimeZone: TimeZone = TimeZone(identifier: "UTC")!,
                jobFile: (path: String, sha256: String)? = nil) {
        self.units = units
        self.totalUnits = totalUnits ?? units.count
        self.shard = shard
        self.manifestTimeZone = manifestTimeZone
        self.jobFile = jobFile
    }

    /// The same plan over other units (such as the units with `strict` set).
    public func replacingUnits(_ units: [BatchUnit]) -> BatchPlan {
        BatchPlan(units: units, totalUnits: totalUnits, shard: shard, manifestTimeZone: manifestTimeZone, jobFile: jobFile)
    }

    /// Refuses paths that are absolute, empty or climb out with `..`.
    static func checkLexically(_ path: String, template: OutputTemplate) throws(BatchError) {
        let shown = template.location.map { "\($0)" } ?? path
        if path.hasPrefix("/") || path.hasPrefix("~") {
            throw BatchError.outsideRoot(path: shown, reason: "output template '\(template.source)' gives the absolute path '\(path)'; templates are relative to --out")
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains("..") {
            throw BatchError.outsideRoot(path: shown, reason: "output template '\(template.source)' gives '\(path)', which climbs out with '..'")
        }
        if path.isEmpty || segments.last?.isEmpty == true || segments.last == "." {
            throw BatchError.outsideRoot(path: shown, reason: "output template '\(template.source)' gives '\(path)', which names no file")
        }
        if path.contains("\0") {
            throw BatchError.outsideRoot(path: shown, reason: "output path contains a NUL character")
        }
    }

    /// The plan as printable lines, for `--dry-run`: one per unit, then a summary.
    ///
    /// `root` is shown in front of each path (the `--out` folder as the user gave it).
    public func dryRunLines(root: String) -> [String] {
        let prefix = root.isEmpty || root == "." ? "" : (root.hasSuffix("/") ? root : root + "/")
        var lines = units.map { unit in
            let parameters = unit.parameters.isEmpty ? "" : "\t" + unit.parameters.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
            return "\(unit.job)\t\(unit.report)\t\(unit.language.tag)\t\(unit.format)\t\(prefix)\(unit.path)\(parameters)"
        }
        let shardNote = shard.count > 1 ? " (shard \(shard) of \(totalUnits) units)" : ""
        lines.append("\(units.count) unit\(units.count == 1 ? "" : "s") would be written\(shardNote), then \(prefix)\(shard.manifestName)")
        return lines
    }
}
