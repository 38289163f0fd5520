/// The XMP metadata packet of a document (ISO 16684-1, as PDF 1.4+ readers expect it in the
/// catalog's `/Metadata` stream): the same title, author, subject, keywords, dates and creator
/// as the information dictionary, and the language (`dc:language`), in Dublin Core, XMP basic
/// and Adobe PDF terms. Deterministic for the same ``PDFInfo``.
enum XMPPacket {
    static func bytes(_ info: PDFInfo) -> [UInt8] {
        let e = escape
        let keywords = info.keywords.map { "<rdf:li>\(e($0))</rdf:li>" }.joined()
        let xml = """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
         <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about=""
            xmlns:dc="http://purl.org/dc/elements/1.1/"
            xmlns:xmp="http://ns.adobe.com/xap/1.0/"
            xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
           <dc:format>application/pdf</dc:format>
           <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(e(info.title))</rdf:li></rdf:Alt></dc:title>
           <dc:creator><rdf:Seq><rdf:li>\(e(info.author))</rdf:li></rdf:Seq></dc:creator>
           <dc:description><rdf:Alt><rdf:li xml:lang="x-default">\(e(info.subject))</rdf:li></rdf:Alt></dc:description>
           <dc:subject><rdf:Bag>\(keywords)</rdf:Bag></dc:subject>
           <dc:language><rdf:Bag><rdf:li>\(e(info.language))</rdf:li></rdf:Bag></dc:language>
           <xmp:CreatorTool>\(e(info.creator))</xmp:CreatorTool>
           <xmp:CreateDate>\(e(info.date))</xmp:CreateDate>
           <xmp:ModifyDate>\(e(info.date))</xmp:ModifyDate>
           <xmp:MetadataDate>\(e(info.date))</xmp:MetadataDate>
           <pdf:Keywords>\(e(info.keywords.joined(separator: ", ")))</pdf:Keywords>
          </rdf:Description>
         </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="r"?>
        """
        return Array(xml.utf8)
    }

    /// Text as XML character data and attribute values; characters XML 1.0 forbids (C0
    /// controls other than tab and line ends) are left out.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
