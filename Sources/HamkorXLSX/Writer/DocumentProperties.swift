/// The document properties written to `docProps/core.xml` and `docProps/app.xml`.
struct DocumentProperties: Sendable, Equatable {
    var title: String
    var subject: String?
    var author: String?
    var company: String?
    var category: String?
    var keywords: String?
    var comments: String?
    /// Seconds since 1970, pinned so that the same input gives the same bytes.
    var created: Int
}
