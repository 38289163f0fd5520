import Foundation
import HamkorCore
import HamkorLocalization

/// One job of a job file: which reports to render, in which languages and formats, and when.
public struct Job: Sendable, Hashable {
    /// The job's name, unique in its file and safe in file names (`[A-Za-z0-9._-]`).
    public var name: String
    /// Report ids, in the order given.
    public var reports: [String]
    /// Languages, in the order given (default `[en]`).
    public var languages: [LanguageTag]
    /// Exporter ids, in the order given (default `[txt]`).
    public var formats: [String]
    /// When the scheduler runs the job; `nil` for jobs run only by `hamkor batch`.
    public var schedule: CronExpression?
    /// The zone of the schedule and of `{date}`/`{datetime}`: the job's, else the file's, else UTC.
    public var timeZone: TimeZone
    /// Whether the zone was written in the job file (rather than defaulted to UTC).
    public var timeZoneIsExplicit: Bool
    /// Dataset paths; `nil` means the bundled sample dataset.
    public var data: [URL]?
    /// Strict runs treat diagnostics (such as missing translations) as failures.
    public var strict: Bool
    /// Report parameters and the values to run each with, in file order: units multiply over
    /// every combination. Values may be relative periods (`previous-quarter`), resolved when
    /// the batch is planned.
    public var parameters: [JobParameter]
    /// This job's own output template, when it has one (else the file's).
    public var output: OutputTemplate?
    /// Where the job is written in its file.
    public var location: SourceLocation
    /// Run by the scheduler after a run with failed units, or one that could not run at all.
    public var onFailure: NotificationCommand?
    /// Run by the scheduler after a run in which every unit was written.
    public var onSuccess: NotificationCommand?
    /// How long a notification command may run before it is stopped (default 60 seconds).
    public var hookTimeout: Double
    /// What the scheduler does about fire times it missed (default ``CatchUpPolicy/none``).
    public var catchUp: CatchUpPolicy

    public init(name: String, reports: [String], languages: [LanguageTag] = [.english], formats: [String] = ["txt"],
                schedule: CronExpression? = nil, timeZone: TimeZone = TimeZone(identifier: "UTC")!,
                timeZoneIsExplicit: Bool = false, data: [URL]? = nil, strict: Bool = false,
                parameters: [JobParameter] = [],
                location: SourceLocation = SourceLocation(file: ""), onFailure: NotificationCommand? = nil,
                onSuccess: NotificationCommand? = nil, hookTimeout: Double = 60, catchUp: CatchUpPolicy = .none) {
        self.parameters = parameters
        self.output = nil
        self.name = name
        self.reports = reports
        self.languages = languages
        self.formats = formats
        self.schedule = schedule
        self.timeZone = timeZone
        self.timeZoneIsExplicit = timeZoneIsExplicit
        self.data = data
        self.strict = strict
        self.location = location
        self.onFailure = onFailure
        self.onSuccess = onSuccess
        self.hookTimeout = hookTimeout
        self.catchUp = catchUp
    }
}
