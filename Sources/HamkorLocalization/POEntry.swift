/// One message of a gettext PO catalog.
public struct POEntry: Sendable, Equatable {
    /// The `msgctxt`, when one English word has more than one meaning.
    public var context: String?
    /// The English source text.
    public var msgid: String
    /// The English plural source text, for plural messages.
    public var msgidPlural: String?
    /// Translations: one for singular messages, one per plural index otherwise.
    public var msgstr: [String]
    /// Extracted comments (`#.`): where the string appears, notes for translators.
    public var translatorComments: [String] = []
    /// Flags (`#,`), such as `fuzzy`.
    public var flags: Set<String> = []
    /// The 1-based line where the entry starts, for diagnostics.
    public var line: Int = 0
    /// The 1-based line of each `msgstr` (or `msgstr[N]`) keyword, by form; empty when not read from a file.
    public var msgstrLines: [Int] = []

    public init(context: String? = nil, msgid: String, msgidPlural: String? = nil, msgstr: [String],
                translatorComments: [String] = [], flags: Set<String> = [], line: Int = 0, msgstrLines: [Int] = []) {
        self.context = context
        self.msgid = msgid
        self.msgidPlural = msgidPlural
        self.msgstr = msgstr
        self.translatorComments = translatorComments
        self.flags = flags
        self.line = line
        self.msgstrLines = msgstrLines
    }

    /// The line of form `index`'s `msgstr`, or of the entry when that is unknown.
    public func line(ofForm index: Int) -> Int {
        msgstrLines.indices.contains(index) ? msgstrLines[index] : line
    }

    /// The lookup key: context and source text.
    public var key: MessageKey { MessageKey(context: context, msgid: msgid) }
    /// Whether a translator marked the entry as needing review.
    public var isFuzzy: Bool { flags.contains("fuzzy") }
    /// Whether every form has a non-empty translation.
    public var isTranslated: Bool { !msgstr.isEmpty && msgstr.allSatisfy { !$0.isEmpty } }
}

/// The identity of a message: its optional context and its English source text.
public struct MessageKey: Hashable, Sendable, CustomStringConvertible {
    public var context: String?
    public var msgid: String

    public init(context: String? = nil, msgid: String) {
        self.context = context
        self.msgid = msgid
    }

    public var description: String { context.map { "[\($0)] \(msgid)" } ?? msgid }
}
