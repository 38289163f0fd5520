import Foundation

/// The rows of one group of a grouped table: records, or rows of a dataset's project columns
/// held as row numbers (four bytes each, and no reference to count per row), made into
/// ``RecordRow``s only for a measure that reads their fields.
enum GroupMembers {
    case records([RecordRow])
    case projectRows(ProjectColumnStore, [Int32])

    /// How many rows the group holds.
    var count: Int {
        switch self {
        case .records(let rows): rows.count
        case .projectRows(_, let rows): rows.count
        }
    }

    /// The rows, in the group's order.
    var rows: [RecordRow] {
        switch self {
        case .records(let rows): rows
        case .projectRows(let store, let rows): rows.map { RecordRow(projects: store, row: Int($0)) }
        }
    }

    /// The rows of several groups, one after another.
    static func joined(_ parts: some Collection<GroupMembers>) -> GroupMembers {
        if case .projectRows(let store, _)? = parts.first {
            var numbers: [Int32] = []
            var joinable = true
            for part in parts {
                guard case .projectRows(let owner, let rows) = part, owner === store else { joinable = false; break }
                numbers += rows
            }
            if joinable { return .projectRows(store, numbers) }
        }
        return .records(parts.flatMap(\.rows))
    }

    /// The sum of the rows' values read straight from the columns, as
    /// ``ProjectColumnGroups/sumOfValues(_:currency:)`` gives it; `nil` for records, and where it does.
    func sumOfValues(currency: String) -> [(currency: String, amount: Decimal)]? {
        guard case .projectRows(let store, let rows) = self else { return nil }
        return ProjectColumnGroups.sumOfValues(rows: rows.lazy.map { Int($0) }, of: store, currency: currency)
    }
}
