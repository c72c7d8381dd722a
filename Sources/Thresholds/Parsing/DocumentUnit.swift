import ThresholdsDiagnostics

/// One file as written, before composition: a document (with its header) or a vocabulary, the
/// files it imports and extends, and its own declarations and rules, each not yet marked with
/// its file. ``Composer`` turns a tree of these into one ``ThresholdDocument``.
struct DocumentUnit {
    enum Kind {
        /// A threshold document; its header, with empty declarations and rules.
        case document(ThresholdDocument)
        /// A vocabulary, with its title.
        case vocabulary(title: String)
    }

    var path: String
    var kind: Kind = .vocabulary(title: "")
    var imports: [Located<String>] = []
    var extends: Located<String>?
    var levels: [LevelDefinition] = []
    var facts: [FactDeclaration] = []
    var events: [EventDeclaration] = []
    var definitions: [Definition] = []
    var tables: [LookupTable] = []
    var rules: [Rule] = []
    var overrides: [Rule] = []
    var overrideRange: SourceRange?
    var removals: [(id: Located<String>, reason: String)] = []
    var removeRange: SourceRange?
    /// Facts and definitions declared but unreadable (each diagnosed), so that their uses are
    /// not reported again as unknown names.
    var unreadableNames: Set<String> = []

    init(path: String) {
        self.path = path
    }

    var isVocabulary: Bool {
        if case .vocabulary = kind { true } else { false }
    }

    /// Whether the file names other files, so that the document is composed.
    var composes: Bool { !imports.isEmpty || extends != nil }
}
