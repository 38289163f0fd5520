import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the shared-string table (`xl/sharedStrings.xml`): the text of each `<si>`, rich-text
/// runs joined, phonetic guides (`<rPh>`) left out, within the limits on count and size.
final class SharedStringsCollector: NSObject, XMLParserDelegate, PartDelegate {
    private let limits: WorkbookLimits
    private(set) var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0
    private var totalBytes = 0
    var failure: WorkbookError?
    var stoppedEarly: Bool { false }

    init(limits: WorkbookLimits) { self.limits = limits }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String]) {
        switch ElementCollector.localName(elementName) {
        case "si": current = ""
        case "t": inText = phoneticDepth == 0
        case "rPh": phoneticDepth += 1
        case "sst":
            if let declared = attributeDict["uniqueCount"].flatMap(Int.init), declared > limits.maxSharedStrings {
                fail("the shared-string table declares \(declared) strings; at most \(limits.maxSharedStrings) are read", parser)
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText else { return }
        current += string
        if current.utf8.count > limits.maxCellBytes {
            fail("shared string \(strings.count) is longer than \(limits.maxCellBytes) bytes (Excel allows 32,767 characters in a cell)", parser)
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch ElementCollector.localName(elementName) {
        case "t": inText = false
        case "rPh": phoneticDepth -= 1
        case "si":
            totalBytes += current.utf8.count
            strings.append(current)
            if strings.count > limits.maxSharedStrings {
                fail("the shared-string table holds more than \(limits.maxSharedStrings) strings; split the workbook", parser)
            } else if totalBytes > limits.maxSharedStringBytes {
                fail("the shared-string table holds more than \(limits.maxSharedStringBytes / 1_048_576) MiB of text; split the workbook", parser)
            }
        default: break
        }
    }

    private func fail(_ message: String, _ parser: XMLParser) {
        guard failure == nil else { return }
        failure = WorkbookError(message)
        parser.abortParsing()
    }
}
