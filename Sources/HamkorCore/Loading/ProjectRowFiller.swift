import Foundation
import HamkorLocalization

/// Fills ``ProjectColumns`` straight from a CSV row's bytes — codes found by their bytes, the
/// amount, years and flag parsed from them — for a row that breaks no rule of
/// ``FlatRecordReader/project(_:)``. A row it cannot vouch for is declined (nothing appended),
/// and the caller reads it through `FlatRecordReader`, so every problem and every message comes
/// from there.
///
/// Each check here is a sufficient condition for the reader's rule to pass: a code the rule
/// (``FieldRules``) has already accepted for those very bytes, plain ASCII digits in range, text
/// with no whitespace at its ends, no tab and no refused character. Anything else declines,
/// and what is appended is what ``ProjectColumns/append(_:)`` stores for the reader's project,
/// codes interned in the same order.
struct ProjectRowFiller {
    /// A row the filler leaves to `FlatRecordReader`.
    private struct Declined: Error {}

    private static let whitespace = CharacterSet.whitespaces

    /// A code accepted by its column's rule, and its id once a row has used it.
    private typealias Code = (text: String, id: UInt32?)

    private let file: String
    private let vocabulary: Vocabulary
    /// Whether the file is known to hold no character a text field refuses but line breaks,
    /// so that only a record with a line break in a field has its texts searched for them.
    private let screened: Bool
    private let id, name, nameEnglish, partners, sector, places, value, currency, status, startYear, endYear, source, illustrative: Int?
    /// The name's columns in `LanguageTag.allCases` order; English's is `name.en`, or `name`
    /// when the table has no `name.en`.
    private let nameColumns: [(language: LanguageTag, slot: Int?)]

    private var sectors = ByteKeyedCache<Code>(), countries = ByteKeyedCache<Code>(), currencies = ByteKeyedCache<Code>()
    private var placeCodes = ByteKeyedCache<Code>(), sources = ByteKeyedCache<Code>()
    private var statuses = ByteKeyedCache<ProjectStatus>()
    private var fileID: UInt32?
    /// The cache entries of the row's partners and places, and their code ids (reused from row to row).
    private var partnerEntries: [Int] = [], placeEntries: [Int] = []
    private var partnerIDs: [UInt32] = [], placeIDs: [UInt32] = []
    /// The row's name texts that passed, in `LanguageTag.allCases` order (reused from row to row;
    /// the buffers point into the record and are used before it goes).
    private var nameTexts: [(language: LanguageTag, bytes: UnsafeBufferPointer<UInt8>)] = []

    /// A filler for the rows of `file`, whose header puts field `name` at `columns[name]`;
    /// `screened` when the file check found none of the characters a text field refuses but
    /// line breaks (see ``SourceText/check(_:file:mayHoldRefused:)``).
    init(file: String, columns: [String: Int], vocabulary: Vocabulary, screened: Bool = false) {
        self.file = file
        self.vocabulary = vocabulary
        self.screened = screened
        id = columns["id"]; name = columns["name"]; nameEnglish = columns["name.en"]
        partners = columns["partners"]; sector = columns["sector"]; places = columns["places"]
        value = columns["value"]; currency = columns["currency"]; status = columns["status"]
        startYear = columns["startYear"]; endYear = columns["endYear"]; source = columns["source"]
        illustrative = columns["illustrative"]
        let english = nameEnglish, plain = name
        nameColumns = LanguageTag.allCases.compactMap { language in
            language == .english ? (language, english ?? plain) : columns["name.\(language.tag)"].map { (language, $0) }
        }
    }

    /// Appends the row to `columns` and returns true when it breaks no rule; otherwise returns
    /// false and appends nothing.
    mutating func fill(_ record: CSVRecordBytes, into columns: inout ProjectColumns) -> Bool {
        do throws(Declined) {
            try append(record, to: &columns)
            return true
        } catch {
            return false
        }
    }

    private mutating func append(_ record: CSVRecordBytes, to columns: inout ProjectColumns) throws(Declined) {
        func bytes(_ slot: Int?) -> UnsafeBufferPointer<UInt8> {
            slot.map { record.fields[$0] } ?? UnsafeBufferPointer(start: nil, count: 0)
        }
        guard let idBytes = try Self.checkedText(bytes(id)) else { throw Declined() }
        let id = String(decoding: idBytes, as: UTF8.self)
        guard Identifier.asciiVerdict(utf8: idBytes) ?? (FieldRules.identifierProblem(id) == nil) else { throw Declined() }
        let searches = !screened || record.breaksLines
        // Every language's text is checked, kept or not, so a row the columns take is one the
        // reader takes. `name` stands for `name.en` only when `name.en` is empty, as in the reader.
        nameTexts.removeAll(keepingCapacity: true)
        for (language, slot) in nameColumns {
            var text = try Self.checkedText(bytes(slot), searches: searches)
            if language == .english {
                if text == nil, slot == nameEnglish { text = try Self.checkedText(bytes(name), searches: searches) }
                guard text != nil else { throw Declined() }
            }
            if let text { nameTexts.append((language, text)) }
        }
        let vocabulary = vocabulary
        guard let sectorEntry = try Self.code(bytes(sector), in: &sectors, where: {
            FieldRules.codeProblem($0, in: .sectors, of: vocabulary) == nil
        }) else { throw Declined() }
        let statusBytes = bytes(status)
        let projectStatus: ProjectStatus
        if let entry = statuses.find(statusBytes) {
            projectStatus = statuses[entry]
        } else {
            let text = String(decoding: statusBytes, as: UTF8.self)
            guard Self.isPlainASCII(statusBytes), FieldRules.codeProblem(text, in: .statuses, of: vocabulary) == nil,
                  let parsed = ProjectStatus(rawValue: text), statuses.insert(statusBytes, parsed) != nil else { throw Declined() }
            projectStatus = parsed
        }
        try Self.list(bytes(partners), into: &partnerEntries, cache: &countries) { FieldRules.countryProblem($0) == nil }
        try Self.list(bytes(places), into: &placeEntries, cache: &placeCodes) { FieldRules.identifierProblem($0) == nil }
        var amount: (value: Decimal, currency: Int)?
        let valueBytes = bytes(value)
        if !valueBytes.isEmpty {
            guard Self.isPlainASCII(valueBytes), valueBytes[0] != UInt8(ascii: "-"), valueBytes[0] != UInt8(ascii: "+"),
                  let parsed = DecimalParser.plainValue(valueBytes),
                  let currencyEntry = try Self.code(bytes(currency), in: &currencies, where: { FieldRules.currencyProblem($0) == nil })
            else { throw Declined() }
            amount = (parsed, currencyEntry)
        }
        let start = try Self.year(bytes(startYear)), end = try Self.year(bytes(endYear))
        if let start, let end, end < start { throw Declined() }
        let flag = try Self.flag(bytes(illustrative))
        let sourceBytes = bytes(source)
        var sourceEntry: Int?
        if !sourceBytes.isEmpty {
            if let entry = sources.find(sourceBytes) {
                sourceEntry = entry
            } else {
                guard let text = try Self.text(sourceBytes), let entry = sources.insert(sourceBytes, (text, nil)) else { throw Declined() }
                sourceEntry = entry
            }
        }

        // The row breaks no rule: its codes are interned in the order `ProjectColumns.append(_:)`
        // interns them.
        func intern(_ entry: Int, _ cache: inout ByteKeyedCache<Code>) -> UInt32 {
            if let id = cache[entry].id { return id }
            let id = columns.intern(cache[entry].text)
            cache[entry].id = id
            return id
        }
        partnerIDs.removeAll(keepingCapacity: true)
        for entry in partnerEntries { partnerIDs.append(intern(entry, &countries)) }
        let sectorID = intern(sectorEntry, &sectors)
        placeIDs.removeAll(keepingCapacity: true)
        for entry in placeEntries { placeIDs.append(intern(entry, &placeCodes)) }
        let valueColumns = amount.map { (amount: $0.value, currency: intern($0.currency, &currencies)) }
        let sourceID = sourceEntry.map { intern($0, &sources) } ?? ProjectColumns.none
        let fileID = fileID ?? columns.intern(file)
        self.fileID = fileID
        let nameTexts = nameTexts
        columns.appendRow(id: id, name: { add in for (language, text) in nameTexts { add(language, text) } },
                          partners: partnerIDs, sector: sectorID,
                          places: placeIDs, value: valueColumns, status: projectStatus, startYear: start, endYear: end,
                          source: sourceID, illustrative: flag, file: fileID, line: record.line, column: 1)
    }

    // MARK: Checks that imply the reader's rules pass

    /// Printable ASCII (spaces inside, none at either end), within the text limit: text that
    /// `value(_:)` returns unchanged with no problem.
    private static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20,
              bytes.count <= DatasetLimits.maxTextLength else { return false }
        return bytes.allSatisfy { (0x20...0x7E).contains($0) }
    }

    /// The field's text as `value(_:)` gives it (`nil` when empty), declining text it would trim
    /// or refuse.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) throws(Declined) -> String? {
        try checkedText(bytes).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The field's bytes when `value(_:)` would give them unchanged as text (`nil` when empty),
    /// checked on the bytes: within the length limit, no tab, no whitespace scalar at either end,
    /// no refused character or line feed, well-formed UTF-8. Anything else declines. Without
    /// `searches`, the caller knows the bytes hold no tab, line break or refused character.
    private static func checkedText(_ bytes: UnsafeBufferPointer<UInt8>, searches: Bool = true) throws(Declined) -> UnsafeBufferPointer<UInt8>? {
        if bytes.isEmpty { return nil }
        if isPlainASCII(bytes) { return bytes }
        guard bytes.count <= DatasetLimits.maxTextLength else { throw Declined() }
        var lastStart = bytes.count - 1
        while lastStart > 0 && bytes[lastStart] & 0xC0 == 0x80 { lastStart -= 1 }
        guard let first = firstScalar(bytes), let last = firstScalar(UnsafeBufferPointer(rebasing: bytes[lastStart...])),
              !isWhitespace(first), !isWhitespace(last) else { throw Declined() }
        if searches, TextSafety.mayContainForbidden(utf8: bytes, orNewline: true, orTab: true) {
            // Suspect bytes (a tab, or an ellipsis, which shares a lead with the bidirectional
            // controls): search the scalars, declining what the reader would refuse or change.
            var iterator = bytes.makeIterator(), decoder = UTF8()
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar):
                    if scalar == "\t" || scalar == "\n" || TextSafety.isForbiddenControl(scalar) { throw Declined() }
                case .emptyInput: return bytes
                case .error: throw Declined()
                }
            }
        }
        return bytes
    }

    /// Whether `scalar` is in `CharacterSet.whitespaces` (general category Zs, and tab), without
    /// asking it for the scalars below U+2000: there the set holds only tab, space, U+00A0 and U+1680.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680: true
        case ..<0x2000: false
        default: whitespace.contains(scalar)
        }
    }

    /// The first scalar of UTF-8 bytes, `nil` when they do not start with one.
    private static func firstScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator(), decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// The cache entry of a code its rule accepts (`nil` when the field is empty).
    private static func code(_ bytes: UnsafeBufferPointer<UInt8>, in cache: inout ByteKeyedCache<Code>,
                             where accepts: (String) -> Bool) throws(Declined) -> Int? {
        if bytes.isEmpty { return nil }
        if let entry = cache.find(bytes) { return entry }
        guard isPlainASCII(bytes) else { throw Declined() }
        let text = String(decoding: bytes, as: UTF8.self)
        guard accepts(text), let entry = cache.insert(bytes, (text, nil)) else { throw Declined() }
        return entry
    }

    /// The entries of a list field's codes (`|` or spaces between them), each accepted by its rule.
    private static func list(_ bytes: UnsafeBufferPointer<UInt8>, into entries: inout [Int], cache: inout ByteKeyedCache<Code>,
                      where accepts: (String) -> Bool) throws(Declined) {
        entries.removeAll(keepingCapacity: true)
        if bytes.isEmpty { return }
        guard isPlainASCII(bytes) else { throw Declined() }
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "|") || bytes[index] == 0x20 {
            if index > start, let entry = try code(UnsafeBufferPointer(rebasing: bytes[start..<index]), in: &cache, where: accepts) {
                entries.append(entry)
            }
            start = index + 1
        }
    }

    /// A year of ``FieldRules/years`` written as plain digits (`nil` when empty).
    private static func year(_ bytes: UnsafeBufferPointer<UInt8>) throws(Declined) -> Int? {
        if bytes.isEmpty { return nil }
        guard bytes.count <= 4 else { throw Declined() }
        var year = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { throw Declined() }
            year = year * 10 + Int(byte - UInt8(ascii: "0"))
        }
        guard FieldRules.years.contains(year) else { throw Declined() }
        return year
    }

    /// The illustrative flag: `true`, `yes`, `1`, `false`, `no` or `0` in any case; false when empty.
    private static func flag(_ bytes: UnsafeBufferPointer<UInt8>) throws(Declined) -> Bool {
        if bytes.isEmpty { return false }
        guard isPlainASCII(bytes) else { throw Declined() }
        func spells(_ word: StaticString) -> Bool {
            // Printable ASCII letters and digits compare case-blind with their 0x20 bit set (digits
            // have it; no other printable byte gains a letter's or digit's value by it).
            word.utf8CodeUnitCount == bytes.count
                && zip(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount), bytes).allSatisfy { $0 == $1 | 0x20 }
        }
        if spells("true") || spells("yes") || spells("1") { return true }
        if spells("false") || spells("no") || spells("0") { return false }
        throw Declined()
    }
}
