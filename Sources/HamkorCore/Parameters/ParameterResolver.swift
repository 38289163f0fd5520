import Foundation

/// Checks given parameter values against a definition's declarations and fills in defaults.
public struct ParameterResolver: Sendable {
    /// The instant and time zone relative periods are resolved at (a job's firing time).
    public var now: Date
    public var timeZone: TimeZone

    public init(now: Date = Date(), timeZone: TimeZone = .current) {
        self.now = now
        self.timeZone = timeZone
    }

    /// One given value: its name, text and, for values from a file, where it was written.
    public struct Given: Sendable, Hashable {
        public var name: String
        public var value: String
        public var location: SourceLocation?

        public init(name: String, value: String, location: SourceLocation? = nil) {
            self.name = name
            self.value = value
            self.location = location
        }

        /// Parses `NAME=VALUE` as given to `--param`.
        public init(argument: String) throws {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw ParameterError(argument, "expected NAME=VALUE, for example --param period=2025-Q2")
            }
            self.init(name: String(argument[..<equals]), value: String(argument[argument.index(after: equals)...]))
        }
    }

    /// The resolved parameters, in the definition's order. A parameter given twice is an error
    /// (`--param period=2024 --param period=2025` would otherwise silently take the later).
    public func resolve(_ given: [Given], for definition: ReportDefinition, dataset: Dataset) throws -> ReportParameters {
        var seen: [String: Given] = [:]
        for value in given {
            if let first = seen[value.name] {
                throw ParameterError(value.name, "given twice ('\(TerminalText.excerpt(first.value, 40))' and '\(TerminalText.excerpt(value.value, 40))'); give each parameter once",
                                     at: value.location)
            }
            seen[value.name] = value
        }
        let declared = definition.parameters
        for value in given where !declared.contains(where: { $0.name == value.name }) {
            let known = declared.isEmpty ? "report '\(definition.id)' takes no parameters"
                : "report '\(definition.id)' takes \(declared.map(\.name).joined(separator: ", "))"
            throw ParameterError(value.name, "unknown parameter; \(known)", at: value.location)
        }
        var entries: [(name: String, value: ParameterValue)] = []
        for parameter in declared {
            let value = given.last { $0.name == parameter.name }
            let resolved = try resolve(parameter, text: value?.value ?? parameter.defaultValue, location: value?.location,
                                       dataset: dataset, isDefault: value == nil, definition: definition)
            entries.append((parameter.name, resolved))
        }
        return ReportParameters(entries)
    }

    private func resolve(_ parameter: ParameterDefinition, text: String?, location: SourceLocation?, dataset: Dataset,
                         isDefault: Bool, definition: ReportDefinition) throws -> ParameterValue {
        let at = isDefault ? SourceLocation(file: definition.file) : location
        func fail(_ message: String) -> ParameterError { ParameterError(parameter.name, message, at: at) }
        switch parameter.kind {
        case .partner:
            let partners = Self.partners(in: dataset)
            guard let text else { return .partner(partners.first ?? "") }  // "": the data names no partner; nothing is filtered
            let code = text.uppercased()
            guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw fail("'\(text)' is not an ISO 3166-1 alpha-2 country code (such as AZ)")
            }
            guard partners.contains(code) else {
                let list = partners.isEmpty ? "none" : partners.joined(separator: ", ")
                throw fail("the data has no records with \(code); partners in the data: \(list)")
            }
            return .partner(code)
        case .period:
            guard let text, text != "all" else { return .period(nil) }
            if let relative = RelativePeriod(rawValue: text) { return .period(relative.resolve(at: now, in: timeZone)) }
            do { return .period(try ReportPeriod(parsing: text)) } catch let error as PeriodError {
                throw fail("\(error.description), or \(RelativePeriod.names) or all")
            }
        case .text:
            // Text parameters fill titles and paragraphs in every format: one line of text, held to
            // the rules and the length of data text (no control character, no noncharacter XML refuses).
            let value = text ?? ""
            if let length = TextLimit.excess(value) {
                throw fail("is \(length) characters (Unicode scalars) long; the limit is \(DatasetLimits.maxTextLength)")
            }
            if let bad = TextSafety.firstForbidden(in: value, orNewline: true) ?? value.unicodeScalars.first(where: { $0 == "\t" }) {
                throw fail(bad == "\n" || bad == "\t" ? "holds a \(bad == "\n" ? "line feed" : "tab"); a text parameter is one line of text"
                                                     : "'\(TerminalText.excerpt(value, 40))' \(TextSafety.message(for: bad))")
            }
            return .text(value)
        case .code:
            guard let text, Identifier.isValid(text) else {
                throw fail("'\(text ?? "")' is not a code (letters, digits, -, _, .)")
            }
            return .code(text)
        }
    }

    /// The partner countries of a dataset: `dataset.partners` after the first (the reporter),
    /// then every other country its trade rows name, in order of appearance.
    public static func partners(in dataset: Dataset) -> [String] {
        let reporter = dataset.info.partners.first
        var result: [String] = []
        func add(_ code: String) { if code != reporter && !result.contains(code) { result.append(code) } }
        dataset.info.partners.dropFirst().forEach(add)
        for row in dataset.trade { add(row.partner) }
        dataset.projects.forEachPartner(add)
        for agreement in dataset.agreements { agreement.parties.forEach(add) }
        return result
    }
}
