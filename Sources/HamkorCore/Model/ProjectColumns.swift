import Foundation
import HamkorLocalization

/// A dataset's projects, held column by column: one array per field of ``RecordSchema/projects``
/// instead of one ``Project`` value (with its own arrays and strings) per record.
///
/// Codes — sectors, partner countries, places, currencies, sources, file names — are interned
/// once per column set and stored as small integers; amounts exactly as given, beside their
/// significand and exponent as integers for sums (``scaledAmount(at:)``); years as integers;
/// a record's list fields (partners, places) as one flat array of code ids with an end per row;
/// names as one byte buffer of UTF-8 text with offsets per row and per language, in only the
/// languages the columns keep (``languages``: all by default, see ``init(keeping:)``).
/// A million projects cost about a quarter of the memory of a million `Project` values.
///
/// It is a collection of ``Project``s: reading an element assembles that project from the
/// columns (exactly the value appended), so code written against `[Project]` reads it unchanged.
/// Aggregations that need only some fields read the columns themselves (``sectorCodes``,
/// ``statusColumn``, ``amount(at:)``, ...).
public struct ProjectColumns: RandomAccessCollection, RangeReplaceableCollection, ExpressibleByArrayLiteral, Sendable {
    /// The id of a missing value in a code column (no currency, no source).
    static let none = UInt32.max
    /// A missing year.
    static let noYear = Int32.min

    /// Strings by id and ids by string, shared by every code column.
    private(set) var codes: [String] = []
    private var codeIDs: [String: UInt32] = [:]

    private(set) var ids: [String] = []
    /// The languages whose names are kept, in `LanguageTag.allCases` order; English always.
    public private(set) var languages: [LanguageTag]
    /// A language's place in ``languages`` by its `index`, -1 for a language not kept.
    private var languageSlots: [Int]
    /// Every row's names in UTF-8, one after another: a row's texts in ``languages`` order.
    private var nameBytes: [UInt8] = []
    /// Where each row's texts start in `nameBytes`.
    private var nameStarts: [Int] = []
    /// Per row, `languages.count` entries: where the row's text in that language ends, counted
    /// from the row's start, or ``none`` when the row has no text in it.
    private var nameEnds: [UInt32] = []
    /// Partner country ids, all rows' one after another; `partnerEnds[i]` ends row `i`'s.
    private(set) var partnerCodes: [UInt32] = []
    private(set) var partnerEnds: [UInt32] = []
    private(set) var sectorCodes: [UInt32] = []
    /// Place ids, all rows' one after another; `placeEnds[i]` ends row `i`'s.
    private(set) var placeCodes: [UInt32] = []
    private(set) var placeEnds: [UInt32] = []
    /// The value's currency id, ``none`` for a project without a value.
    private(set) var currencyCodes: [UInt32] = []
    /// The value's amount, exactly as appended (zero without a value).
    private var amounts: [Decimal] = []
    /// The amount's significand when below ``DecimalSum/smallLimit``, else ``wide``; its
    /// exponent and sign beside it.
    private var significands: [UInt64] = []
    private var exponents: [Int8] = []
    private var negatives: [Bool] = []
    /// The significand of an amount that is not summed as an integer.
    static let wide = UInt64.max
    private(set) var statusColumn: [ProjectStatus] = []
    private(set) var startYears: [Int32] = []
    private(set) var endYears: [Int32] = []
    private(set) var sourceCodes: [UInt32] = []
    private(set) var illustrativeColumn: [Bool] = []
    private var fileCodes: [UInt32] = []
    private var lines: [Int32] = []
    private var locationColumns: [Int32] = []
    /// Locations named by a place inside the file (`Лист1!B6`), by row.
    private var locationPlaces: [Int: String] = [:]

    /// Columns that keep names in every language.
    public init() { self.init(keeping: LanguageTag.allCases) }

    /// Columns that keep names only in `kept` and English (the fallback): names in other
    /// languages are dropped as rows are appended, and ``name(at:in:)`` answers `nil` for them.
    public init(keeping kept: some Sequence<LanguageTag>) {
        let kept = Set(kept).union([.english])
        languages = LanguageTag.allCases.filter(kept.contains)
        languageSlots = Array(repeating: -1, count: LanguageTag.allCases.count)
        for (slot, language) in languages.enumerated() { languageSlots[language.index] = slot }
    }

    public init(arrayLiteral elements: Project...) {
        self.init()
        append(contentsOf: elements)
    }

    // MARK: Collection

    public var startIndex: Int { 0 }
    public var endIndex: Int { ids.count }

    public subscript(position: Int) -> Project {
        Project(id: ids[position], name: name(at: position), partners: partners(at: position), sector: codes[Int(sectorCodes[position])],
                places: places(at: position), value: value(at: position), status: statusColumn[position],
                startYear: Self.year(startYears[position]), endYear: Self.year(endYears[position]),
                source: code(sourceCodes[position]), illustrative: illustrativeColumn[position], location: location(at: position))
    }

    // MARK: Reading columns

    /// The string of a code id, `nil` for ``none``.
    func code(_ id: UInt32) -> String? { id == Self.none ? nil : codes[Int(id)] }

    /// The id of `code` if any row uses it.
    func codeID(_ code: String) -> UInt32? { codeIDs[code] }

    /// The number of distinct codes interned (ids run from 0 below it).
    var codeCount: Int { codes.count }

    /// Row `row`'s name in every language the columns keep.
    func name(at row: Int) -> LocalizedText {
        let base = row * languages.count, start = nameStarts[row]
        var ends = SIMD8<Int32>(repeating: -1)
        var length = 0
        for slot in 0..<languages.count where nameEnds[base + slot] != Self.none {
            length = Int(nameEnds[base + slot])
            ends[languages[slot].index] = Int32(length)
        }
        return LocalizedText(joined: text(start..<start + length), ends: ends)
    }

    /// Row `row`'s name in `language` exactly (no fallback to English), `nil` when it has none or
    /// the columns do not keep that language.
    func name(at row: Int, in language: LanguageTag) -> String? {
        // Not `.map(text)`: a method taken as a closure would copy the columns at every call.
        guard let range = nameRange(at: row, in: language) else { return nil }
        return text(range)
    }

    /// Where row `row`'s name in `language` lies in ``nameText``, `nil` when ``name(at:in:)`` is.
    func nameRange(at row: Int, in language: LanguageTag) -> Range<Int>? {
        guard let (slot, end) = nameEnd(at: row, in: language) else { return nil }
        let base = row * languages.count
        var start: UInt32 = 0
        for earlier in stride(from: slot - 1, through: 0, by: -1) where nameEnds[base + earlier] != Self.none {
            start = nameEnds[base + earlier]
            break
        }
        return nameStarts[row] + Int(start)..<nameStarts[row] + Int(end)
    }

    /// Every row's names in UTF-8, one buffer: ``nameRange(at:in:)`` gives a name's bytes in it.
    var nameText: [UInt8] { nameBytes }

    /// Whether row `row` has a name in `language` the columns keep (``name(at:in:)`` is not `nil`).
    func hasName(at row: Int, in language: LanguageTag) -> Bool { nameEnd(at: row, in: language) != nil }

    /// The slot of `language` and where row `row`'s text in it ends, `nil` when it has none.
    private func nameEnd(at row: Int, in language: LanguageTag) -> (slot: Int, end: UInt32)? {
        let slot = languageSlots[language.index]
        guard slot >= 0 else { return nil }
        let end = nameEnds[row * languages.count + slot]
        return end == Self.none ? nil : (slot, end)
    }

    /// The bytes `range` of the names, decoded.
    func text(_ range: Range<Int>) -> String {
        nameBytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    func partners(at row: Int) -> [CountryCode] { list(partnerCodes, partnerEnds, row) }
    func places(at row: Int) -> [String] { list(placeCodes, placeEnds, row) }

    /// Calls `body` with every partner code of every row, in row order, without assembling projects.
    func forEachPartner(_ body: (String) -> Void) {
        for code in partnerCodes { body(codes[Int(code)]) }
    }

    /// Calls `body` with every place code of every row that `isKnown` refuses, and the row, in
    /// row order; `isKnown` is asked once per distinct code.
    func forEachPlace(unless isKnown: (String) -> Bool, _ body: (String, Int) -> Void) {
        var verdicts = [Bool?](repeating: nil, count: codes.count)
        var row = 0
        for (entry, code) in placeCodes.enumerated() {
            let id = Int(code)
            let known: Bool
            if let verdict = verdicts[id] { known = verdict } else { known = isKnown(codes[id]); verdicts[id] = known }
            if known { continue }
            while Int(placeEnds[row]) <= entry { row += 1 }
            body(codes[id], row)
        }
    }

    /// The range of row `row`'s entries in a flat list column.
    static func range(_ ends: [UInt32], _ row: Int) -> Range<Int> { (row == 0 ? 0 : Int(ends[row - 1]))..<Int(ends[row]) }

    private func list(_ column: [UInt32], _ ends: [UInt32], _ row: Int) -> [String] {
        let range = Self.range(ends, row)
        if range.isEmpty { return [] }
        return column[range].map { codes[Int($0)] }
    }

    /// The project's amount, exactly as it was appended; `nil` without a value.
    func amount(at row: Int) -> Decimal? {
        currencyCodes[row] == Self.none ? nil : amounts[row]
    }

    /// The amount as a significand below ``DecimalSum/smallLimit``, a sign and a power of ten,
    /// for integer sums; `nil` for other amounts (wide, NaN) or no value.
    func scaledAmount(at row: Int) -> (significand: UInt64, negative: Bool, exponent: Int)? {
        let significand = significands[row]
        guard significand != Self.wide, currencyCodes[row] != Self.none else { return nil }
        return (significand, negatives[row], Int(exponents[row]))
    }

    /// Adds row `row`'s amount, when it has a value, to `sum`: as an integer when its significand
    /// is small, else as its `Decimal` — the very sum adding ``amount(at:)`` gives.
    func addAmount(at row: Int, to sum: inout DecimalSum) {
        guard currencyCodes[row] != Self.none else { return }
        let exact = amounts[row], significand = significands[row]
        if significand != Self.wide && significand < DecimalSum.smallLimit {
            sum.add(significand: significand, negative: negatives[row], exponent: Int(exponents[row])) { exact }
        } else {
            sum.add(exact)
        }
    }

    /// `amount`'s significand, sign and exponent read from its bytes — the exponent in the first
    /// byte; the length in 16-bit words (high four bits) and the sign (bit 3) in the second; the
    /// words from the fifth —
    /// when this Foundation lays `Decimal` out so (checked once against its public API) and the
    /// significand is below ``DecimalSum/smallLimit``.
    static func parts(_ amount: Decimal) -> (significand: UInt64, negative: Bool, exponent: Int)? {
        guard layoutIsKnown else { return nil }
        return rawParts(amount)
    }

    private static func rawParts(_ amount: Decimal) -> (significand: UInt64, negative: Bool, exponent: Int)? {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        return withUnsafeBytes(of: amount) { raw -> (significand: UInt64, negative: Bool, exponent: Int)? in
            let length = Int(raw[1] >> 4), negative = raw[1] & 0x08 != 0
            guard length <= 4, !(length == 0 && negative) else { return nil }  // wide, or NaN
            var significand: UInt64 = 0
            for word in 0..<length {
                significand |= (UInt64(raw[4 + 2 * word]) | UInt64(raw[5 + 2 * word]) << 8) << (16 * word)
            }
            guard significand < DecimalSum.smallLimit else { return nil }
            return (significand, negative, Int(Int8(bitPattern: raw[0])))
        }
    }

    /// Whether ``rawParts(_:)`` reads what the public API says, on a few amounts of each shape.
    private static let layoutIsKnown: Bool = {
        let samples: [Decimal] = [Decimal(string: "-1234567.891")!, Decimal(string: "2000.50")!, Decimal(0), Decimal(string: "0.5")!,
                                  Decimal(sign: .plus, exponent: 7, significand: Decimal(UInt64(281_474_976_710_655))),
                                  Decimal(sign: .minus, exponent: -20, significand: Decimal(UInt64(999_999_999_999_999_999)))]
        return samples.allSatisfy { sample in
            guard let parts = rawParts(sample) else { return false }
            return parts.significand == NSDecimalNumber(decimal: sample.significand).uint64Value
                && parts.exponent == sample.exponent && parts.negative == (sample.sign == .minus)
        }
    }()

    func value(at row: Int) -> Money? {
        amount(at: row).map { Money(amount: $0, currency: codes[Int(currencyCodes[row])]) }
    }

    func location(at row: Int) -> SourceLocation {
        var location = SourceLocation(file: codes[Int(fileCodes[row])], line: Int(lines[row]), column: Int(locationColumns[row]))
        if !locationPlaces.isEmpty { location.place = locationPlaces[row] }
        return location
    }

    func startYear(at row: Int) -> Int? { Self.year(startYears[row]) }
    func endYear(at row: Int) -> Int? { Self.year(endYears[row]) }
    func source(at row: Int) -> String? { code(sourceCodes[row]) }

    private static func year(_ stored: Int32) -> Int? { stored == noYear ? nil : Int(stored) }

    // MARK: Appending

    /// The id of `code`, added to the codes if new.
    mutating func intern(_ code: String) -> UInt32 {
        if let id = codeIDs[code] { return id }
        let id = UInt32(codes.count)
        codes.append(code)
        codeIDs[code] = id
        return id
    }

    public mutating func append(_ project: Project) {
        let row = ids.count
        let location = project.location
        // Codes are interned in the order of the fields.
        let partners = project.partners.map { intern($0) }, sector = intern(project.sector)
        let places = project.places.map { intern($0) }
        let value = project.value.map { (amount: $0.amount, currency: intern($0.currency)) }
        let source = project.source.map { intern($0) } ?? Self.none, file = intern(location.file)
        let kept = languages
        appendRow(id: project.id, name: { add in
                      for language in kept {
                          guard var text = project.name.exact(language) else { continue }
                          text.withUTF8 { add(language, $0) }
                      }
                  }, partners: partners, sector: sector, places: places, value: value,
                  status: project.status, startYear: project.startYear, endYear: project.endYear, source: source,
                  illustrative: project.illustrative, file: file, line: location.line, column: location.column)
        if let place = location.place { locationPlaces[row] = place }
    }

    /// Appends a row given as its columns' values, codes as ids from ``intern(_:)``, located at
    /// `line` and `column` of the file with id `file`. `name` gives the row's name by calling
    /// `add` with each language's UTF-8 text, in `LanguageTag.allCases` order (English always);
    /// texts in languages the columns do not keep are dropped.
    mutating func appendRow(id: String, name: (_ add: (LanguageTag, UnsafeBufferPointer<UInt8>) -> Void) -> Void,
                            partners: some Sequence<UInt32>, sector: UInt32,
                            places: some Sequence<UInt32>, value: (amount: Decimal, currency: UInt32)?, status: ProjectStatus,
                            startYear: Int?, endYear: Int?, source: UInt32, illustrative: Bool, file: UInt32, line: Int, column: Int) {
        ids.append(id)
        let start = nameBytes.count, base = nameEnds.count
        nameStarts.append(start)
        nameEnds.append(contentsOf: repeatElement(Self.none, count: languages.count))
        var lastSlot = -1
        func add(_ language: LanguageTag, _ text: UnsafeBufferPointer<UInt8>) {
            let slot = languageSlots[language.index]
            guard slot >= 0 else { return }
            precondition(slot > lastSlot, "a name's languages are appended in LanguageTag.allCases order")
            lastSlot = slot
            nameBytes.append(contentsOf: text)
            nameEnds[base + slot] = UInt32(nameBytes.count - start)
        }
        name(add)
        partnerCodes.append(contentsOf: partners)
        partnerEnds.append(UInt32(partnerCodes.count))
        sectorCodes.append(sector)
        placeCodes.append(contentsOf: places)
        placeEnds.append(UInt32(placeCodes.count))
        if let value {
            currencyCodes.append(value.currency)
            amounts.append(value.amount)
            let parts = Self.parts(value.amount)
            significands.append(parts?.significand ?? Self.wide)
            exponents.append(parts.map { Int8($0.exponent) } ?? 0)
            negatives.append(parts?.negative ?? false)
        } else {
            currencyCodes.append(Self.none)
            amounts.append(0)
            significands.append(Self.wide)
            exponents.append(0)
            negatives.append(false)
        }
        statusColumn.append(status)
        startYears.append(startYear.map { Int32(clamping: $0) } ?? Self.noYear)
        endYears.append(endYear.map { Int32(clamping: $0) } ?? Self.noYear)
        sourceCodes.append(source)
        illustrativeColumn.append(illustrative)
        fileCodes.append(file)
        lines.append(Int32(clamping: line))
        locationColumns.append(Int32(clamping: column))
    }

    public mutating func append<S: Sequence>(contentsOf newElements: S) where S.Element == Project {
        if let other = newElements as? ProjectColumns {
            append(columns: other)
        } else {
            for project in newElements { append(project) }
        }
    }

    /// Appends another column set's rows, mapping its code ids into this one's.
    private mutating func append(columns other: ProjectColumns) {
        if isEmpty && other.languages == languages { self = other; return }
        guard other.languages == languages else {
            for project in other { append(project) }
            return
        }
        let offset = ids.count
        let map = other.codes.map { intern($0) }
        // Code columns are copied as they are when the other part's codes have the same ids here.
        let sameIDs = map.indices.allSatisfy { map[$0] == UInt32($0) }
        func mapped(_ id: UInt32) -> UInt32 { id == Self.none ? id : map[Int(id)] }
        func appendCodes(_ codes: [UInt32], to column: inout [UInt32]) {
            if sameIDs { column += codes } else { column.append(contentsOf: codes.lazy.map(mapped)) }
        }
        let partnerBase = UInt32(partnerCodes.count), placeBase = UInt32(placeCodes.count)
        ids += other.ids
        let nameBase = nameBytes.count
        nameBytes += other.nameBytes
        nameStarts.append(contentsOf: other.nameStarts.lazy.map { $0 + nameBase })
        nameEnds += other.nameEnds
        appendCodes(other.partnerCodes, to: &partnerCodes)
        partnerEnds.append(contentsOf: other.partnerEnds.lazy.map { $0 + partnerBase })
        appendCodes(other.sectorCodes, to: &sectorCodes)
        appendCodes(other.placeCodes, to: &placeCodes)
        placeEnds.append(contentsOf: other.placeEnds.lazy.map { $0 + placeBase })
        appendCodes(other.currencyCodes, to: &currencyCodes)
        amounts += other.amounts
        significands += other.significands
        exponents += other.exponents
        negatives += other.negatives
        statusColumn += other.statusColumn
        startYears += other.startYears
        endYears += other.endYears
        appendCodes(other.sourceCodes, to: &sourceCodes)
        illustrativeColumn += other.illustrativeColumn
        appendCodes(other.fileCodes, to: &fileCodes)
        lines += other.lines
        locationColumns += other.locationColumns
        for (row, place) in other.locationPlaces { locationPlaces[row + offset] = place }
    }

    /// Drops names in languages other than `kept` and English; nothing changes when the columns
    /// keep exactly those already.
    public mutating func keepNames(in kept: some Sequence<LanguageTag>) {
        var projected = ProjectColumns(keeping: kept)
        guard projected.languages != languages else { return }
        projected.append(contentsOf: self)
        self = projected
    }

    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C) where C.Element == Project {
        var rebuilt = ProjectColumns(keeping: languages)
        rebuilt.reserveCapacity(count - subrange.count + newElements.count)
        for row in 0..<subrange.lowerBound { rebuilt.append(self[row]) }
        for project in newElements { rebuilt.append(project) }
        for row in subrange.upperBound..<count { rebuilt.append(self[row]) }
        self = rebuilt
    }

    /// Reserves room for `factor` times the rows, name bytes and list entries held now: for
    /// appending parts like the ones appended so far without regrowing every column on the way.
    mutating func reserveCapacity(growingBy factor: Double) {
        guard factor > 1, factor.isFinite else { return }
        func scaled(_ n: Int) -> Int { Int((Double(n) * factor).rounded(.up)) }
        reserveCapacity(scaled(count))
        nameBytes.reserveCapacity(scaled(nameBytes.count))
        partnerCodes.reserveCapacity(scaled(partnerCodes.count))
        placeCodes.reserveCapacity(scaled(placeCodes.count))
        // The largest columns, read at random when a table is sorted, on huge pages.
        HugePages.advise(&nameBytes)
        HugePages.advise(&nameStarts)
        HugePages.advise(&nameEnds)
        HugePages.advise(&ids)
        HugePages.advise(&amounts)
    }

    public mutating func reserveCapacity(_ n: Int) {
        ids.reserveCapacity(n)
        nameStarts.reserveCapacity(n)
        nameEnds.reserveCapacity(n * languages.count)
        partnerEnds.reserveCapacity(n)
        sectorCodes.reserveCapacity(n)
        placeEnds.reserveCapacity(n)
        currencyCodes.reserveCapacity(n)
        amounts.reserveCapacity(n)
        significands.reserveCapacity(n)
        exponents.reserveCapacity(n)
        negatives.reserveCapacity(n)
        statusColumn.reserveCapacity(n)
        startYears.reserveCapacity(n)
        endYears.reserveCapacity(n)
        sourceCodes.reserveCapacity(n)
        illustrativeColumn.reserveCapacity(n)
        fileCodes.reserveCapacity(n)
        lines.reserveCapacity(n)
        locationColumns.reserveCapacity(n)
    }
}

extension ProjectColumns: Equatable {
    public static func == (lhs: ProjectColumns, rhs: ProjectColumns) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }
}
