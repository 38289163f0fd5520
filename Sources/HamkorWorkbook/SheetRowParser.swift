import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams a worksheet's `<sheetData>` row by row: resolves shared strings, inline strings,
/// booleans, errors and the cached results of formulas, and marks numbers whose style is a date
/// format. Only the current row is held.
final class SheetRowParser: NSObject, XMLParserDelegate, PartDelegate {
    private let sheetName: String
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>
    private let limits: WorkbookLimits
    private let onRow: (SheetRow) throws -> Bool

    private var row: SheetRow?
    private var nextRowNumber = 1
    private var nextColumn = 1
    // The cell being read.
    private var cellAddress: CellAddress?
    private var cellType = "n"
    private var cellStyle = 0
    private var cellIsFormula = false
    private var text = ""
    private var collecting = false
    private var phoneticDepth = 0
    private var sawInlineText = false

    var failure: WorkbookError?
    private(set) var stoppedEarly = false

    init(sheetName: String, sharedStrings: [String], dateStyles: Set<Int>, limits: WorkbookLimits,
         onRow: @escaping (SheetRow) throws -> Bool) {
        self.sheetName = sheetName
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.limits = limits
        self.onRow = onRow
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String]) {
        switch ElementCollector.localName(elementName) {
        case "row":
            let number = attributes["r"].flatMap(Int.init) ?? nextRowNumber
            guard number >= nextRowNumber, number <= limits.maxRow else {
                return fail(nil, "row \(attributes["r"] ?? "?") is out of order or beyond Excel's \(limits.maxRow) rows", parser)
            }
            let hidden = attributes["hidden"] == "1" || attributes["hidden"] == "true"
            row = SheetRow(number: number, isHidden: hidden, cells: [])
            nextRowNumber = number + 1
            nextColumn = 1
        case "c":
            let rowNumber = row?.number ?? nextRowNumber
            var address = CellAddress(row: rowNumber, column: nextColumn)
            if let reference = attributes["r"] {
                guard let parsed = CellAddress(reference), parsed.row == rowNumber, parsed.column <= limits.maxColumn else {
                    return fail(nil, "cell reference '\(reference.prefix(20))' does not belong to row \(rowNumber)", parser)
                }
                address = parsed
            }
            nextColumn = address.column + 1
            cellAddress = address
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            cellIsFormula = false
            sawInlineText = false
            text = ""
        case "v":
            text = ""
            collecting = true
        case "f":
            cellIsFormula = true
        case "t":
            if cellAddress != nil && phoneticDepth == 0 { collecting = true; sawInlineText = true }
        case "rPh":
            phoneticDepth += 1
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard collecting else { return }
        text += string
        if text.utf8.count > limits.maxCellBytes {
            fail(cellAddress, "the cell holds more than \(limits.maxCellBytes) bytes (Excel allows 32,767 characters)", parser)
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch ElementCollector.localName(elementName) {
        case "v", "t":
            collecting = false
        case "rPh":
            phoneticDepth -= 1
        case "c":
            guard let address = cellAddress else { return }
            cellAddress = nil
            if let value = value(at: address, parser) {
                row?.cells.append(SheetCell(address: address, value: value, isFormula: cellIsFormula))
            }
        case "row":
            guard let finished = row else { return }
            row = nil
            do {
                if try !onRow(finished) {
                    stoppedEarly = true
                    parser.abortParsing()
                }
            } catch let error as WorkbookError {
                fail(nil, error.message, parser, cell: error.cell)
            } catch {
                fail(nil, "\(error)", parser)
            }
        default:
            break
        }
    }

    private func value(at address: CellAddress, _ parser: XMLParser) -> SheetValue? {
        switch cellType {
        case "s":
            guard !text.isEmpty else { return nil }
            guard let index = Int(text.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                fail(address, "refers to shared string \(text.prefix(12)), which the workbook does not have", parser)
                return nil
            }
            return sharedStrings[index].isEmpty ? nil : .text(sharedStrings[index])
        case "inlineStr", "str":
            return text.isEmpty ? nil : .text(text)
        case "b":
            return .bool(text == "1" || text == "true")
        case "e":
            return .error(text)
        case "d":
            return text.isEmpty ? nil : .text(text)
        default:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            return .number(trimmed, isDate: dateStyles.contains(cellStyle))
        }
    }

    private func fail(_ address: CellAddress?, _ message: String, _ parser: XMLParser, cell: String? = nil) {
        guard failure == nil else { return }
        failure = WorkbookError(cell: cell ?? address.map { "\(sheetName)!\($0)" }, message)
        parser.abortParsing()
    }
}
