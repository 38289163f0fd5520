import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects the elements of a small part (workbook, relationships, styles) with their attributes
/// and their parent's name, local names only.
final class ElementCollector: NSObject, XMLParserDelegate, PartDelegate {
    struct Element {
        var name: String
        var parent: String
        var attributes: [String: String]
    }

    private let names: Set<String>
    private var stack: [String] = []
    private(set) var elements: [Element] = []
    var failure: WorkbookError?
    var stoppedEarly: Bool { false }

    init(names: Set<String>) { self.names = names }

    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String]) {
        let name = Self.localName(elementName)
        if names.contains(name) {
            var attributes: [String: String] = [:]
            for (key, value) in attributeDict { attributes[Self.localName(key)] = value }
            elements.append(Element(name: name, parent: stack.last ?? "", attributes: attributes))
            if elements.count > 100_000 {
                failure = WorkbookError("a workbook part lists more than 100,000 \(name) elements; refused")
                parser.abortParsing()
            }
        }
        stack.append(name)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        _ = stack.popLast()
    }
}
