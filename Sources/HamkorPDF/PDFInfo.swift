/// The document information of a PDF, written both to the information dictionary (by Cairo)
/// and to the XMP metadata stream (``XMPPacket``).
struct PDFInfo: Sendable {
    var title: String
    var author: String
    var subject: String
    /// The keywords, each on its own (joined with ", " in the information dictionary).
    var keywords: [String]
    var creator: String
    /// `YYYY-MM-DDThh:mm:ssZ`, used for both creation and modification.
    var date: String
    /// The BCP 47 tag of the text's language (`uz-Cyrl`).
    var language: String
}
