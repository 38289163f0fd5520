import HamkorLocalization

/// Reads a project list's cells from the dataset's project columns, for ``ProjectTableCells``:
/// the table holds the row order and a few labels, not a million rows of cells.
///
/// Used in two steps by ``TableComputer``: ``prepare(column:rows:context:)`` turns each code a column
/// shows into its cell once (the translated label, a place's name) and raises each missing
/// translation's warning, or the `--strict` error, in the order the general path raises them;
/// then the reader is fixed and makes cells without failing. A cell is exactly the one
/// ``BuildContext/cell(_:location:)`` makes from the field's values (tested against it).
struct ProjectCellReader: Sendable {
    /// What a column shows, read from which project column.
    private enum Content: Sendable {
        case id, name, sector, status, partners, places, value, startYear, endYear, source, flag
    }

    private let columns: ProjectColumns
    /// The store row of each table row: in the records' order until ``order(by:)``, then in the table's.
    private var storeRows: [Int32]
    private let contents: [Content]
    private let language: LanguageTag
    private let converter: CurrencyConverter
    /// Cells of the codes shown, by code id, filled while preparing.
    private var sectorCells: [CellValue?], countryCells: [CellValue?], placeCells: [CellValue?]
    /// The cells of pairs of countries and of places shown together, by the pair's two code ids
    /// (`first << 32 | second`): made once each rather than joined again for every row.
    private var countryPairCells: [UInt64: CellValue] = [:], placePairCells: [UInt64: CellValue] = [:]
    /// The cells of the statuses, by ``slot(of:)``, and of the flag (false, true).
    private var statusCells: [CellValue?] = Array(repeating: nil, count: ProjectStatus.allCases.count)
    private var flagCells: [CellValue?] = [nil, nil]

    /// The cells of `rows` under `fields` (one field name per column), or `nil` unless every row
    /// is a row of one dataset's project columns and every field is one a project list shows.
    init?(rows: [RecordRow], fields: [String], context: BuildContext) {
        guard let store = rows.first?.projectColumn?.store else { return nil }
        var contents: [Content] = []
        for field in fields {
            switch field {
            case "id": contents.append(.id)
            case "name": contents.append(.name)
            case "sector": contents.append(.sector)
            case "status": contents.append(.status)
            case "partners", "partner": contents.append(.partners)
            case "places", "place": contents.append(.places)
            case "value": contents.append(.value)
            case "startYear": contents.append(.startYear)
            case "endYear": contents.append(.endYear)
            case "source": contents.append(.source)
            case "illustrative": contents.append(.flag)
            default: return nil
            }
        }
        var storeRows: [Int32] = []
        storeRows.reserveCapacity(rows.count)
        for row in rows {
            guard let backing = row.projectColumn, backing.store === store else { return nil }
            storeRows.append(Int32(backing.row))
        }
        columns = store.columns
        self.storeRows = storeRows
        self.contents = contents
        language = context.language
        converter = context.converter
        let codeCount = store.columns.codeCount
        sectorCells = contents.contains(.sector) ? Array(repeating: nil, count: codeCount) : []
        countryCells = contents.contains(.partners) ? Array(repeating: nil, count: codeCount) : []
        placeCells = contents.contains(.places) ? Array(repeating: nil, count: codeCount) : []
    }

    /// Makes the cells of `column`'s codes for `rows` (positions in the current order), and raises
    /// the diagnostics of its missing translations, as the general path would reading those cells.
    ///
    /// A code column's codes are found in one pass over the rows in store order (reading the
    /// columns in a sorted table's order would miss the cache at every row), each code's cell
    /// then made in the order `rows` first shows it.
    mutating func prepare(column: Int, rows: some Collection<Int>, context: BuildContext) throws {
        let texts = columns.codes, codeCount = columns.codeCount
        func make(_ cache: inout [CellValue?], _ ids: [UInt32], _ value: (String) -> FieldValue) throws {
            for id in ids where cache[Int(id)] == nil { cache[Int(id)] = try context.cell(value(texts[Int(id)])) }
        }
        switch contents[column] {
        case .name:
            for position in rows {
                let row = Int(storeRows[position])
                if !columns.hasName(at: row, in: language) {
                    _ = try context.resolve(columns.name(at: row), at: columns.location(at: row))
                }
            }
        case .sector:
            let sectors = columns.sectorCodes
            try make(&sectorCells, firstShown(rows, codeCount: codeCount) { row, body in body(sectors[row]) }) { .code(.sectors, $0) }
        case .status:
            let statuses = columns.statusColumn, all = ProjectStatus.allCases
            for id in firstShown(rows, codeCount: all.count, { row, body in body(Self.slot(of: statuses[row])) }) {
                let status = all[Int(id)]
                if statusCells[Int(id)] == nil { statusCells[Int(id)] = try context.cell(.code(.statuses, status.rawValue)) }
            }
        case .partners:
            let partners = columns.partnerCodes, ends = columns.partnerEnds
            let shown = firstShown(rows, codeCount: codeCount) { row, body in
                for entry in ProjectColumns.range(ends, row) { body(partners[entry]) }
            }
            try make(&countryCells, shown) { .country($0) }
            countryPairCells = pairCells(partners, ends, countryCells)
        case .places:
            let places = columns.placeCodes, ends = columns.placeEnds
            let shown = firstShown(rows, codeCount: codeCount) { row, body in
                for entry in ProjectColumns.range(ends, row) { body(places[entry]) }
            }
            try make(&placeCells, shown) { .place($0) }
            placePairCells = pairCells(places, ends, placeCells)
        case .flag:
            let flags = columns.illustrativeColumn
            for id in firstShown(rows, codeCount: 2, { row, body in body(flags[row] ? 1 : 0) }) {
                if flagCells[Int(id)] == nil { flagCells[Int(id)] = try context.cell(.flag(id == 1)) }
            }
        case .id, .value, .startYear, .endYear, .source:
            break
        }
    }

    /// The joined cell of every pair of codes a row of the list shows (codes `codes[ends…]`),
    /// made from the codes' cells. The rows are read as ``storeRows`` holds them — in store
    /// order until the list is ordered, so from memory front to back: every row is shown, and
    /// which pairs there are does not depend on the order.
    private func pairCells(_ codes: [UInt32], _ ends: [UInt32], _ cells: [CellValue?]) -> [UInt64: CellValue] {
        var pairs: [UInt64: CellValue] = [:]
        for row in storeRows {
            let range = ProjectColumns.range(ends, Int(row))
            guard range.count == 2 else { continue }
            let first = codes[range.lowerBound], second = codes[range.lowerBound + 1]
            let key = Self.pairKey(first, second)
            if pairs[key] == nil { pairs[key] = BuildContext.joined([cells[Int(first)]!, cells[Int(second)]!]) }
        }
        return pairs
    }

    /// The key of a pair of code ids in the pair cells.
    private static func pairKey(_ first: UInt32, _ second: UInt32) -> UInt64 {
        UInt64(first) << 32 | UInt64(second)
    }

    /// The codes the rows at `rows` show (below `codeCount`; `each` hands over a store row's
    /// codes in cell order), once each, in the order of their first appearance: by the position
    /// in `rows` of the first row showing them, then by their place in that row.
    private func firstShown(_ rows: some Collection<Int>, codeCount: Int, _ each: (Int, (UInt32) -> Void) -> Void) -> [UInt32] {
        // Where each position stands in `rows` (-1: not among them), so the columns are read in store order.
        var rank = [Int32](repeating: -1, count: storeRows.count)
        for (place, position) in rows.enumerated() { rank[position] = Int32(place) }
        // Per code, the rank and the place in its row of the first row showing it.
        let unseen = (Int32.max, Int32.max)
        var first = [(Int32, Int32)](repeating: unseen, count: codeCount)
        var shown: [UInt32] = []
        for position in storeRows.indices where rank[position] >= 0 {
            let key = rank[position]
            var entry: Int32 = 0
            each(Int(storeRows[position])) { id in
                let code = Int(id)
                if first[code] == unseen { shown.append(id) }
                if (key, entry) < first[code] { first[code] = (key, entry) }
                entry += 1
            }
        }
        return shown.sorted { first[Int($0)] < first[Int($1)] }
    }

    /// A status's place in `ProjectStatus.allCases`.
    private static func slot(of status: ProjectStatus) -> UInt32 {
        switch status {
        case .proposed: 0
        case .agreed: 1
        case .underImplementation: 2
        case .completed: 3
        }
    }

    /// Puts the rows in `order` (positions in the current order), as the table shows them.
    mutating func order(by order: [Int]) {
        storeRows = order.map { storeRows[$0] }
    }

    /// The number of rows.
    var count: Int { storeRows.count }

    /// The id of the row at `position`.
    func id(at position: Int) -> String { columns.ids[Int(storeRows[position])] }

    /// The cell of `column` in the row at `position`; that column's codes must have been prepared.
    func cell(row position: Int, column: Int) -> CellValue {
        let row = Int(storeRows[position])
        switch contents[column] {
        case .id: return .text(columns.ids[row])
        case .name: return .text(columns.text(Self.nameRange(of: row, in: columns, language: language)))
        case .sector: return sectorCells[Int(columns.sectorCodes[row])]!
        case .status: return statusCells[Int(Self.slot(of: columns.statusColumn[row]))]!
        case .partners: return list(columns.partnerCodes, ProjectColumns.range(columns.partnerEnds, row), countryCells, countryPairCells)
        case .places: return list(columns.placeCodes, ProjectColumns.range(columns.placeEnds, row), placeCells, placePairCells)
        case .value: return columns.value(at: row).map { .money(converter.convert($0)) } ?? .empty
        case .startYear: return columns.startYear(at: row).map { .year($0) } ?? .empty
        case .endYear: return columns.endYear(at: row).map { .year($0) } ?? .empty
        case .source: return columns.source(at: row).map { .text($0) } ?? .empty
        case .flag: return flagCells[columns.illustrativeColumn[row] ? 1 : 0]!
        }
    }

    /// The UTF-8 of a name column's cells, for collating them without making a `String` each:
    /// one buffer and, for a row position, the range of the text ``cell(row:column:)`` shows
    /// (the report language's name, else the English one, else empty). `nil` for other columns.
    func utf8Texts(column: Int) -> UTF8Texts? {
        guard case .name = contents[column] else { return nil }
        let columns = columns, storeRows = storeRows, language = language
        return UTF8Texts(bytes: columns.nameText) { Self.nameRange(of: Int(storeRows[$0]), in: columns, language: language) }
    }

    /// Where the name a cell shows lies in the columns' names: `language`'s, else English's, else empty.
    private static func nameRange(of row: Int, in columns: ProjectColumns, language: LanguageTag) -> Range<Int> {
        columns.nameRange(at: row, in: language) ?? columns.nameRange(at: row, in: .english) ?? 0..<0
    }

    private func list(_ codes: [UInt32], _ range: Range<Int>, _ cells: [CellValue?], _ pairs: [UInt64: CellValue]) -> CellValue {
        switch range.count {
        case 0: .empty
        case 1: cells[Int(codes[range.lowerBound])]!
        case 2: pairs[Self.pairKey(codes[range.lowerBound], codes[range.lowerBound + 1])]!
        default: BuildContext.joined(range.map { cells[Int(codes[$0])]! })
        }
    }

    /// The amounts of a value column as ``ScaledKeys``, row by row in the current order, read
    /// from the columns: `nil` unless every row has a value in the report's currency (which the
    /// converter leaves as it is) and the keys fit, and for any other column.
    func scaledKeys(column: Int) -> [Int64]? {
        guard case .value = contents[column] else { return nil }
        let target = columns.codeID(converter.target)
        guard let target else { return nil }
        return ScaledKeys(count: storeRows.count) { position in
            let row = Int(storeRows[position])
            guard columns.currencyCodes[row] == target else { return nil }
            return columns.scaledAmount(at: row)
        }?.keys
    }

    /// The currencies and the exact sum of a value column's cells, read from the columns (amounts
    /// added as integers where they fit): `nil` unless every row with a value has it in the
    /// report's currency (which the converter leaves as it is), and for any other column.
    func valueSummary(column: Int) -> (currencies: Set<String>, sum: DecimalSum)? {
        guard case .value = contents[column], let target = columns.codeID(converter.target) else { return nil }
        var sum = DecimalSum()
        var hasValue = false
        for storeRow in storeRows {
            let row = Int(storeRow)
            let currency = columns.currencyCodes[row]
            if currency == ProjectColumns.none { continue }
            guard currency == target else { return nil }
            hasValue = true
            columns.addAmount(at: row, to: &sum)
        }
        return (hasValue ? [converter.target] : [], sum)
    }

    /// The number of columns.
    var width: Int { contents.count }
}
