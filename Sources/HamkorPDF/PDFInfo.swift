/// The document information dictionary of a PDF.
struct PDFInfo: Sendable {
    var title: String
    var author: String
    var subject: String
    var keywords: String
    var creator: String
    /// `YYYY-MM-DDThh:mm:ssZ`, used for both creation and modification.
    var date: String
}
