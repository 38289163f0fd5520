import Foundation
import HamkorCore
import PostgresNIO

/// A result cell as the plain text flat records hold: numbers exact, dates as ISO 8601, arrays
/// of codes joined with `|`, NULL as empty. Binary floating point is refused for amounts.
enum PostgresCellText {
    struct Unsupported: Error { var message: String }

    static func text(_ cell: PostgresCell, kind: FieldType) throws -> String {
        guard cell.bytes != nil else { return "" }
        do {
            switch cell.dataType {
            case .text, .varchar, .bpchar, .name:
                return try cell.decode(String.self)
            case .int2, .int4, .int8:
                return String(try cell.decode(Int.self))
            case .numeric:
                return "\(try cell.decode(Decimal.self))"
            case .bool:
                return try cell.decode(Bool.self) ? "true" : "false"
            case .date:
                let date = try cell.decode(Date.self)
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = TimeZone(identifier: "UTC")!
                let parts = calendar.dateComponents([.year, .month, .day], from: date)
                if kind == .year { return String(parts.year ?? 0) }
                // A date in a period column names its month (`2024-07-01` is `2024-07`).
                if kind == .period { return String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0) }
                return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
            case .textArray, .varcharArray:
                return try cell.decode([String].self).joined(separator: "|")
            case .float4, .float8:
                if kind == .decimal || kind == .year || kind == .period {
                    throw Unsupported(message: "column '\(cell.columnName)' is \(cell.dataType == .float4 ? "real" : "double precision"), which is not exact; cast it to numeric in the query")
                }
                return String(try cell.decode(Double.self))
            default:
                throw Unsupported(message: "column '\(cell.columnName)' has a type Hamkor does not read (oid \(cell.dataType.rawValue)); cast it to text or numeric in the query")
            }
        } catch let error as Unsupported {
            throw error
        } catch {
            throw Unsupported(message: "column '\(cell.columnName)' cannot be read as \(cell.dataType): \(String(describing: type(of: error)))")
        }
    }
}
