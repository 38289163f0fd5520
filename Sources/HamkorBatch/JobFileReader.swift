import Foundation
import HamkorCore
import HamkorLocalization
import Yams

/// Turns a composed job-file tree into a ``JobFile``, recording every problem with its location.
struct JobFileReader {
    let reader: YAMLNodeReader
    let baseFolder: URL
    let url: URL
    let knownReports: [String]
    let knownFormats: [String]

    static let notificationKeys = ["onFailure", "onSuccess", "hookTimeout", "catchUp"]
    static let topLevelKeys = ["data", "output", "timezone", "jobs"] + notificationKeys
    static let jobKeys = ["name", "report", "reports", "languages", "formats", "schedule", "timezone", "data", "strict", "parameters", "output"] + notificationKeys
    static let maxHookTimeout = 3600
    static let maxJobs = 1000

    func read(_ root: Node?) -> JobFile? {
        guard let root else {
            reader.fail(nil, nil, "the job file is empty; it needs a 'jobs:' list")
            return nil
        }
        guard let pairs = reader.mapping(root, "", allowed: Self.topLevelKeys) else { return nil }
        var values: [String: Node] = [:]
        for pair in pairs { values[pair.key] = pair.value }

        let data = values["data"].flatMap { paths($0, "data") }
        var output = OutputTemplate.standard
        if let node = values["output"], let text = reader.string(node, "output") {
            do {
                output = try OutputTemplate(parsing: text, location: reader.location(node))
            } catch {
                reader.fail(node, "output", error.message)
            }
        }
        let zone = values["timezone"].flatMap { timeZone($0, "timezone") }
        let fileNotifications = notifications(values, "", defaults: Notifications())
        guard let jobsNode = values["jobs"] else {
            reader.fail(root, "jobs", "is required: a list of jobs, each with a name and a report")
            return nil
        }
        guard let items = reader.sequence(jobsNode, "jobs") else { return nil }
        if items.isEmpty { reader.fail(jobsNode, "jobs", "must list at least one job") }
        if items.count > Self.maxJobs { reader.fail(jobsNode, "jobs", "has \(items.count) jobs; the limit is \(Self.maxJobs)") }
        var jobs: [Job] = []
        var seen: [String: SourceLocation] = [:]
        for (index, item) in items.prefix(Self.maxJobs).enumerated() {
            guard let job = readJob(item, "jobs[\(index)]", fileData: data, fileZone: zone, fileNotifications: fileNotifications) else { continue }
            if let first = seen[job.name] {
                reader.fail(item, "jobs[\(index)].name", "job name '\(job.name)' is already used at line \(first.line)")
                continue
            }
            seen[job.name] = job.location
            jobs.append(job)
        }
        // A placeholder that is not built in must be a parameter of the job using the template.
        for job in jobs {
            for name in (job.output ?? output).parameterPlaceholders where !job.parameters.contains(where: { $0.name == name }) {
                let hint = Suggestion.closest(to: name, in: OutputTemplate.placeholders).map { "did you mean '{\($0)}'? " } ?? ""
                let own = job.parameters.isEmpty ? "none" : job.parameters.map { "{\($0.name)}" }.joined(separator: " ")
                let message = "unknown placeholder '{\(name)}'; \(hint)(available: \(OutputTemplate.placeholders.map { "{\($0)}" }.joined(separator: " ")); parameters of job '\(job.name)': \(own))"
                if let location = job.output?.location {
                    reader.problems.add(location, field: "jobs.output", message)
                } else {
                    reader.fail(values["output"], "output", message)
                }
            }
        }
        return JobFile(url: url, data: data, output: output, timeZone: zone, jobs: jobs)
    }

    private func readJob(_ node: Node, _ field: String, fileData: [URL]?, fileZone: TimeZone?, fileNotifications: Notifications) -> Job? {
        guard let pairs = reader.mapping(node, field, allowed: Self.jobKeys) else { return nil }
        var values: [String: Node] = [:]
        for pair in pairs { values[pair.key] = pair.value }
        var ok = true

        var name: String?
        if let nameNode = values["name"] {
            name = reader.string(nameNode, "\(field).name")
            if let text = name, !Self.isSafeName(text) {
                reader.fail(nameNode, "\(field).name",
                            "'\(text)' is not a usable job name; use letters, digits, '.', '_' and '-' (not starting with '.' or '-'), at most 100 characters")
                name = nil
            }
        } else {
            reader.fail(node, "\(field).name", "is required")
        }
        if name == nil { ok = false }

        var reports: [String] = []
        switch (values["report"], values["reports"]) {
        case (nil, nil):
            reader.fail(node, "\(field).report", "is required: give 'report: ID' or 'reports: [ID, ...]'")
            ok = false
        case (.some(let one), .some):
            reader.fail(one, "\(field).report", "give either 'report' or 'reports', not both")
            ok = false
        case (.some(let one), nil):
            if let id = identifier(one, "\(field).report", known: knownReports, kind: "report") { reports = [id] } else { ok = false }
        case (nil, .some(let list)):
            guard let ids = identifiers(list, "\(field).reports", known: knownReports, kind: "report") else { ok = false; break }
            reports = ids
        }

        var languages: [LanguageTag] = [.english]
        if let list = values["languages"] {
            if let parsed = self.languages(list, "\(field).languages") { languages = parsed } else { ok = false }
        }
        var formats = ["txt"]
        if let list = values["formats"] {
            if let ids = identifiers(list, "\(field).formats", known: knownFormats, kind: "format") { formats = ids } else { ok = false }
        }
        var schedule: CronExpression?
        if let scheduleNode = values["schedule"] {
            if let text = reader.string(scheduleNode, "\(field).schedule") {
                do {
                    schedule = try CronExpression(parsing: text)
                } catch {
                    let location = reader.location(scheduleNode, offset: error.offset)
                    reader.problems.add(location, field: "\(field).schedule", "invalid cron expression: \(error)")
                    ok = false
                }
            } else {
                ok = false
            }
        }
        var zone = fileZone
        if let zoneNode = values["timezone"] {
            if let parsed = timeZone(zoneNode, "\(field).timezone") { zone = parsed } else { ok = false }
        }
        var data = fileData
        if let dataNode = values["data"] {
            if let parsed = paths(dataNode, "\(field).data") { data = parsed } else { ok = false }
        }
        var strict = false
        if let strictNode = values["strict"] {
            if let parsed = reader.bool(strictNode, "\(field).strict") { strict = parsed } else { ok = false }
        }
        var parameters: [JobParameter] = []
        if let parametersNode = values["parameters"] {
            if let parsed = self.parameters(parametersNode, "\(field).parameters") { parameters = parsed } else { ok = false }
        }
        var output: OutputTemplate?
        if let outputNode = values["output"], let text = reader.string(outputNode, "\(field).output") {
            do { output = try OutputTemplate(parsing: text, location: reader.location(outputNode)) } catch {
                reader.fail(outputNode, "\(field).output", error.message)
                ok = false
            }
        }
        let problemsBefore = reader.problems.problems.count
        let notify = notifications(values, "\(field).", defaults: fileNotifications)
        if reader.problems.problems.count != problemsBefore { ok = false }
        guard ok, let name else { return nil }
        var job = Job(name: name, reports: reports, languages: languages, formats: formats, schedule: schedule,
                      timeZone: zone ?? TimeZone(identifier: "UTC")!, timeZoneIsExplicit: zone != nil,
                      data: data, strict: strict, parameters: parameters, location: reader.location(node),
                      onFailure: notify.onFailure, onSuccess: notify.onSuccess, hookTimeout: notify.hookTimeout, catchUp: notify.catchUp)
        job.output = output
        return job
    }

    /// `parameters: {partner: [AZ], period: [previous-quarter, 2024]}`: names and non-empty lists
    /// of distinct values (a single value may stand alone). Whether a report takes them is
    /// checked against its definition when the batch is planned.
    private func parameters(_ node: Node, _ field: String) -> [JobParameter]? {
        guard let pairs = reader.mapping(node, field) else { return nil }
        var result: [JobParameter] = []
        var ok = true
        for (name, value, keyNode) in pairs {
            let path = "\(field).\(name)"
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }),
                  !OutputTemplate.placeholders.contains(name) else {
                reader.fail(keyNode, path, "'\(name)' cannot be a parameter name (letters, digits and _; not \(OutputTemplate.placeholders.joined(separator: ", ")))")
                ok = false
                continue
            }
            guard let items = reader.listOrScalar(value, path) else { ok = false; continue }
            if items.isEmpty { reader.fail(value, path, "must list at least one value"); ok = false; continue }
            var values: [(text: String, location: SourceLocation)] = []
            for (index, item) in items.enumerated() {
                guard let text = reader.string(item, "\(path)[\(index)]") else { ok = false; continue }
                if values.contains(where: { $0.text == text }) {
                    reader.fail(item, "\(path)[\(index)]", "value '\(text)' is listed twice"); ok = false; continue
                }
                if text.contains("/") || text.contains("\0") || text.isEmpty {
                    reader.fail(item, "\(path)[\(index)]", "'\(text)' cannot be a parameter value (it would change output paths)"); ok = false; continue
                }
                values.append((text, reader.location(item)))
            }
            result.append(JobParameter(name: name, values: values))
        }
        return ok ? result : nil
    }

    /// The notification settings of a job or of the file (the jobs' defaults).
    struct Notifications {
        var onFailure: NotificationCommand?
        var onSuccess: NotificationCommand?
        var hookTimeout: Double = 60
        var catchUp: CatchUpPolicy = .none
    }

    private func notifications(_ values: [String: Node], _ prefix: String, defaults: Notifications) -> Notifications {
        var result = defaults
        if let node = values["onFailure"], let command = command(node, prefix + "onFailure") { result.onFailure = command }
        if let node = values["onSuccess"], let command = command(node, prefix + "onSuccess") { result.onSuccess = command }
        if let node = values["hookTimeout"],
           let seconds = reader.integer(node, prefix + "hookTimeout", range: 1...Self.maxHookTimeout) {
            result.hookTimeout = Double(seconds)
        }
        if let node = values["catchUp"], let text = reader.string(node, prefix + "catchUp") {
            if let policy = CatchUpPolicy(rawValue: text) {
                result.catchUp = policy
            } else {
                reader.fail(node, prefix + "catchUp", "is '\(text)'; use one of: \(CatchUpPolicy.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        return result
    }

    /// A command: a string for `/bin/sh -c`, or a list of arguments.
    private func command(_ node: Node, _ field: String) -> NotificationCommand? {
        if case .scalar = node {
            guard let text = reader.string(node, field) else { return nil }
            return NotificationCommand(shell: text)
        }
        guard let items = reader.sequence(node, field) else { return nil }
        let arguments = items.enumerated().compactMap { reader.string($1, "\(field)[\($0)]") }
        guard arguments.count == items.count else { return nil }
        guard !arguments.isEmpty else {
            reader.fail(node, field, "must name a command: a string for the shell, or a list such as [notify-send, failed]")
            return nil
        }
        return NotificationCommand(arguments: arguments)
    }

    static func isSafeName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.count <= 100 else { return false }
        let allowed = { (scalar: Unicode.Scalar) in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
        }
        return first != "." && first != "-" && name.unicodeScalars.allSatisfy(allowed)
    }

    private func identifier(_ node: Node, _ field: String, known: [String], kind: String) -> String? {
        guard let id = reader.string(node, field) else { return nil }
        guard known.contains(id) else {
            let hint = Suggestion.closest(to: id, in: known).map { "did you mean '\($0)'? " } ?? ""
            reader.fail(node, field, "unknown \(kind) '\(id)'; \(hint)available: \(known.joined(separator: ", "))")
            return nil
        }
        return id
    }

    private func identifiers(_ node: Node, _ field: String, known: [String], kind: String) -> [String]? {
        guard let items = reader.listOrScalar(node, field) else { return nil }
        if items.isEmpty {
            reader.fail(node, field, "must list at least one \(kind)")
            return nil
        }
        var ids: [String] = []
        var ok = true
        for (index, item) in items.enumerated() {
            guard let id = identifier(item, "\(field)[\(index)]", known: known, kind: kind) else { ok = false; continue }
            if ids.contains(id) {
                reader.fail(item, "\(field)[\(index)]", "\(kind) '\(id)' is listed twice")
                ok = false
                continue
            }
            ids.append(id)
        }
        return ok ? ids : nil
    }

    private func languages(_ node: Node, _ field: String) -> [LanguageTag]? {
        guard let items = reader.listOrScalar(node, field) else { return nil }
        if items.isEmpty {
            reader.fail(node, field, "must list at least one language")
            return nil
        }
        var tags: [LanguageTag] = []
        var ok = true
        for (index, item) in items.enumerated() {
            guard let text = reader.string(item, "\(field)[\(index)]") else { ok = false; continue }
            guard let tag = try? LanguageTag(parsing: text) else {
                reader.fail(item, "\(field)[\(index)]",
                            "unknown language '\(text)'; available: \(LanguageTag.availableTags.joined(separator: ", "))")
                ok = false
                continue
            }
            if tags.contains(tag) {
                reader.fail(item, "\(field)[\(index)]", "language '\(text)' is listed twice (it is '\(tag.tag)')")
                ok = false
                continue
            }
            tags.append(tag)
        }
        return ok ? tags : nil
    }

    private func timeZone(_ node: Node, _ field: String) -> TimeZone? {
        guard let name = reader.string(node, field) else { return nil }
        guard let zone = TimeZone(identifier: name), name.contains("/") || name == "UTC" || name == "GMT" else {
            let known = TimeZone.knownTimeZoneIdentifiers
            let hint = Suggestion.closest(to: name, in: known).map { "did you mean '\($0)'? " } ?? ""
            reader.fail(node, field, "unknown time zone '\(name)'; \(hint)use an IANA name such as Asia/Tashkent, Europe/Berlin or UTC")
            return nil
        }
        return zone
    }

    private func paths(_ node: Node, _ field: String) -> [URL]? {
        guard let items = reader.listOrScalar(node, field) else { return nil }
        var urls: [URL] = []
        for (index, item) in items.enumerated() {
            guard let text = reader.string(item, "\(field)[\(index)]") else { return nil }
            let expanded = (text as NSString).expandingTildeInPath
            urls.append(expanded.hasPrefix("/")
                ? URL(fileURLWithPath: expanded)
                : URL(fileURLWithPath: expanded, relativeTo: baseFolder).standardizedFileURL)
        }
        return urls
    }
}
