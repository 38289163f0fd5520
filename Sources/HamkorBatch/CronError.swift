/// Why a cron expression could not be parsed; points at the offending character.
public struct CronError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The expression as written.
    public var expression: String
    /// The 0-based character offset of the problem within ``expression``.
    public var offset: Int
    /// The field the problem is in (`minute`, `hour`, `day-of-month`, `month`, `day-of-week`), if any.
    public var field: String?
    public var message: String

    public init(expression: String, offset: Int, field: String?, message: String) {
        self.expression = expression
        self.offset = offset
        self.field = field
        self.message = message
    }

    public var description: String {
        "\(field.map { "\($0): " } ?? "")\(message) (at column \(offset + 1) of '\(expression)')"
    }
}
