/// The length check of one text value against ``DatasetLimits/maxTextLength``, in Unicode
/// scalars: graphemes would let one letter with millions of combining marks through as "one
/// character", and every later step (checks, collation, layout) pays per scalar.
enum TextLimit {
    /// The length in scalars when it is over the limit, else `nil`. Text of at most that many
    /// UTF-8 bytes is never counted.
    static func excess(_ text: String) -> Int? {
        guard text.utf8.count > DatasetLimits.maxTextLength else { return nil }
        let length = text.unicodeScalars.count
        return length > DatasetLimits.maxTextLength ? length : nil
    }
}
