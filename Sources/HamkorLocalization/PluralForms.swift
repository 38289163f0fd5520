/// A catalog's `Plural-Forms` header, `nplurals=N; plural=EXPR;`, read and checked the way
/// msgfmt does: N from 1 to ``maxCount``, EXPR a C expression in `n` over unsigned integers
/// (`?:`, `||`, `&&`, `==`, `!=`, `<`, `>`, `<=`, `>=`, `+`, `-`, `*`, `/`, `%`, `!`, parentheses).
///
/// Hamkor itself picks plural forms by CLDR rules (``PluralRules``); the header matters to every
/// other gettext tool that reads the catalog, so `hamkor l10n check` holds it to the same forms.
public struct PluralForms: Sendable {
    /// `nplurals`.
    public let count: Int
    private let expression: Expression

    /// The most forms a language has (CLDR's six categories).
    public static let maxCount = 6
    /// The longest expression read, in bytes, and its deepest nesting: a header is one line.
    public static let maxLength = 1_000
    public static let maxDepth = 50

    /// Why a header cannot be used, in words a translator can act on.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Parses a header value such as `nplurals=2; plural=(n != 1);`.
    public init(parsing header: String) throws(Problem) {
        var nplurals: String?
        var plural: String?
        for part in header.split(separator: ";", omittingEmptySubsequences: true) {
            let trimmed = part.trimmingSpaces()
            if trimmed.isEmpty { continue }
            guard let equals = trimmed.firstIndex(of: "=") else {
                throw Problem(message: "'\(trimmed.prefix(40))' is not NAME=VALUE; write nplurals=N; plural=EXPRESSION;")
            }
            let name = trimmed[..<equals].trimmingSpaces(), value = trimmed[trimmed.index(after: equals)...].trimmingSpaces()
            switch name {
            case "nplurals": nplurals = value
            case "plural": plural = value
            default: throw Problem(message: "unknown field '\(name.prefix(40))'; Plural-Forms has nplurals and plural")
            }
        }
        guard let nplurals else { throw Problem(message: "nplurals is missing; write nplurals=N; plural=EXPRESSION;") }
        guard !nplurals.isEmpty, nplurals.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let count = Int(nplurals.prefix(3)), nplurals.count <= 3, (1...Self.maxCount).contains(count) else {
            throw Problem(message: "nplurals=\(nplurals.prefix(40)) is not valid; it is the number of plural forms, 1 to \(Self.maxCount)")
        }
        guard let plural, !plural.isEmpty else { throw Problem(message: "plural= is missing; write the expression that picks a form for n") }
        guard plural.utf8.count <= Self.maxLength else {
            throw Problem(message: "the plural expression is \(plural.utf8.count) bytes long; the limit is \(Self.maxLength)")
        }
        var parser = ExpressionParser(bytes: Array(plural.utf8))
        self.count = count
        self.expression = try parser.parseAll()
    }

    /// The form index the expression gives for `n`, or `nil` when it divides by zero.
    public func index(for n: UInt64) -> UInt64? {
        expression.evaluate(n)
    }

    /// The first problem of evaluating the expression for n = 0…`upTo` (msgfmt's own range is
    /// 0…1000): a division by zero, or a form index outside 0…count − 1.
    public func rangeProblem(upTo limit: UInt64 = 1000) -> Problem? {
        for n in 0...limit {
            guard let index = expression.evaluate(n) else {
                return Problem(message: "the plural expression divides by zero for n = \(n)")
            }
            if index >= UInt64(count) {
                return Problem(message: "the plural expression gives form \(index) for n = \(n), but nplurals=\(count) allows 0 to \(count - 1)")
            }
        }
        return nil
    }
}

/// A parsed plural expression.
private indirect enum Expression: Sendable {
    case n
    case number(UInt64)
    case not(Expression)
    case binary(Operator, Expression, Expression)
    case conditional(Expression, Expression, Expression)

    enum Operator: Sendable {
        case or, and, equal, notEqual, less, greater, lessOrEqual, greaterOrEqual, plus, minus, times, divide, remainder
    }

    /// The value in C `unsigned long` arithmetic (wrapping); `nil` on division by zero.
    func evaluate(_ n: UInt64) -> UInt64? {
        switch self {
        case .n: return n
        case .number(let value): return value
        case .not(let operand): return operand.evaluate(n).map { $0 == 0 ? 1 : 0 }
        case .conditional(let condition, let then, let otherwise):
            guard let test = condition.evaluate(n) else { return nil }
            return test != 0 ? then.evaluate(n) : otherwise.evaluate(n)
        case .binary(.or, let a, let b):
            guard let x = a.evaluate(n) else { return nil }
            if x != 0 { return 1 }
            return b.evaluate(n).map { $0 != 0 ? 1 : 0 }
        case .binary(.and, let a, let b):
            guard let x = a.evaluate(n) else { return nil }
            if x == 0 { return 0 }
            return b.evaluate(n).map { $0 != 0 ? 1 : 0 }
        case .binary(let op, let a, let b):
            guard let x = a.evaluate(n), let y = b.evaluate(n) else { return nil }
            switch op {
            case .equal: return x == y ? 1 : 0
            case .notEqual: return x != y ? 1 : 0
            case .less: return x < y ? 1 : 0
            case .greater: return x > y ? 1 : 0
            case .lessOrEqual: return x <= y ? 1 : 0
            case .greaterOrEqual: return x >= y ? 1 : 0
            case .plus: return x &+ y
            case .minus: return x &- y
            case .times: return x &* y
            case .divide: return y == 0 ? nil : x / y
            case .remainder: return y == 0 ? nil : x % y
            case .or, .and: return nil  // handled above
            }
        }
    }
}

/// Recursive descent over gettext's plural grammar, C precedence, with a nesting limit so no
/// header can exhaust the stack.
private struct ExpressionParser {
    let bytes: [UInt8]
    var position = 0
    var depth = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func parseAll() throws(PluralForms.Problem) -> Expression {
        let expression = try conditional()
        skipSpaces()
        if position < bytes.count { throw fail("unexpected '\(String(decoding: bytes[position...].prefix(10), as: UTF8.self))'") }
        return expression
    }

    private func fail(_ what: String) -> PluralForms.Problem {
        PluralForms.Problem(message: "the plural expression is not valid at character \(position + 1): \(what)")
    }

    private mutating func skipSpaces() {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
    }

    /// Consumes `token` (after spaces) when it is next.
    private mutating func take(_ token: String) -> Bool {
        skipSpaces()
        let utf8 = Array(token.utf8)
        guard position + utf8.count <= bytes.count, Array(bytes[position..<position + utf8.count]) == utf8 else { return false }
        position += utf8.count
        return true
    }

    private mutating func conditional() throws(PluralForms.Problem) -> Expression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= PluralForms.maxDepth else { throw fail("nested more than \(PluralForms.maxDepth) levels deep") }
        let condition = try binary(level: 0)
        guard take("?") else { return condition }
        let then = try conditional()
        guard take(":") else { throw fail("'?' without its ':'") }
        let otherwise = try conditional()
        return .conditional(condition, then, otherwise)
    }

    /// Binary operators from the loosest level (`||`) to the tightest (`*`, `/`, `%`); longer
    /// tokens are tried first so `<=` is not read as `<`.
    private static let levels: [[(String, Expression.Operator)]] = [
        [("||", .or)],
        [("&&", .and)],
        [("==", .equal), ("!=", .notEqual)],
        [("<=", .lessOrEqual), (">=", .greaterOrEqual), ("<", .less), (">", .greater)],
        [("+", .plus), ("-", .minus)],
        [("*", .times), ("/", .divide), ("%", .remainder)],
    ]

    private mutating func binary(level: Int) throws(PluralForms.Problem) -> Expression {
        guard level < Self.levels.count else { return try unary() }
        var left = try binary(level: level + 1)
        next: while true {
            for (token, op) in Self.levels[level] where peek(token) {
                position += token.utf8.count
                left = .binary(op, left, try binary(level: level + 1))
                continue next
            }
            return left
        }
    }

    /// Whether `token` is next (after spaces), and not the start of a longer operator (`!` of `!=`).
    private mutating func peek(_ token: String) -> Bool {
        skipSpaces()
        let utf8 = Array(token.utf8)
        guard position + utf8.count <= bytes.count, Array(bytes[position..<position + utf8.count]) == utf8 else { return false }
        if token == "!" || token == "<" || token == ">" {
            return !(position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "="))
        }
        return true
    }

    private mutating func unary() throws(PluralForms.Problem) -> Expression {
        skipSpaces()
        if peek("!") {
            position += 1
            depth += 1
            defer { depth -= 1 }
            guard depth <= PluralForms.maxDepth else { throw fail("nested more than \(PluralForms.maxDepth) levels deep") }
            return .not(try unary())
        }
        if take("(") {
            let inner = try conditional()
            guard take(")") else { throw fail("'(' without its ')'") }
            return inner
        }
        if take("n") { return .n }
        var digits: [UInt8] = []
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            digits.append(bytes[position])
            position += 1
        }
        if !digits.isEmpty {
            guard digits.count <= 18, let value = UInt64(String(decoding: digits, as: UTF8.self)) else { throw fail("the number is too large") }
            return .number(value)
        }
        if position >= bytes.count { throw fail("the expression ends too early") }
        throw fail("expected n, a number, '!' or '(', found '\(String(decoding: bytes[position...].prefix(10), as: UTF8.self))'")
    }
}

private extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
