public import ThresholdsDiagnostics
public import ThresholdsYAML

/// The outcome of loading a threshold document: its text, the checked document when it has no
/// errors, and every diagnostic from every stage (YAML, parser, composition, checker) in
/// presentation order.
public struct LoadedDocument: Sendable {
    /// The file's text, for rendering diagnostics with source excerpts.
    public let source: SourceText
    /// The text of every file read (the document and what it imports and extends), by path.
    public let sources: [String: SourceText]
    /// Whether the file is a vocabulary: declarations for documents to import, no rules. A
    /// vocabulary is checked, but has no ``checked`` document to evaluate.
    public let isVocabulary: Bool
    /// The document, present only when there are no errors (warnings are allowed).
    public var document: ThresholdDocument? { checked?.document }
    /// The same document as the checked stage, what ``EvaluationPlan`` compiles.
    public let checked: CheckedDocument?
    /// Every problem found, sorted by file, line, column and id.
    public let diagnostics: [Diagnostic]
}

/// Loads threshold documents: YAML → node tree → typed AST → composed with what it imports and
/// extends → checked document.
///
/// ```swift
/// let loaded = DocumentLoader().load(contentsOf: "Rules/northshire-neglect.yaml")
/// guard let checked = loaded.checked else { /* show loaded.diagnostics */ }
/// let plan = checked.compile()
/// ```
///
/// A service that holds its documents in memory composes them with ``load(_:from:)`` and an
/// ``InMemorySource``; no file system is touched.
public struct DocumentLoader: Sendable {
    /// Limits on the YAML input, applied to every file.
    public var limits: YAMLLimits

    /// Creates a loader.
    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Loads and checks a file with everything it imports and extends, which must lie inside
    /// `rulesRoot` (by default the current directory when the file is inside it, otherwise the
    /// file's folder).
    public func load(contentsOf path: String, rulesRoot: String? = nil) -> LoadedDocument {
        load(path, from: FileSystemSource(root: rulesRoot ?? FileSystemSource.defaultRoot(for: path)))
    }

    /// Loads and checks the file at `path` in `source`, with everything it imports and extends
    /// from the same source: the one entry point for composed documents, on disk or in memory.
    public func load(_ path: String, from source: any DocumentSource) -> LoadedDocument {
        finish(source.load(path, with: YAMLLoader(limits: limits)), source: source)
    }

    /// Loads and checks YAML bytes that are not a file (standard input, say), named `path` in
    /// diagnostics, taking what they import and extend from `source` (paths relative to the
    /// folder of `path`, or to the source's root for a bare name).
    public func load(bytes: [UInt8], path: String, importsFrom source: any DocumentSource) -> LoadedDocument {
        finish(YAMLLoader(limits: limits).load(bytes, path: path), source: source)
    }

    /// Loads and checks YAML text held in memory; `path` names it in diagnostics. It stands
    /// alone: a file it imports or extends is reported missing (use ``load(_:from:)``).
    public func load(text: String, path: String) -> LoadedDocument {
        finish(YAMLLoader(limits: limits).load(text, path: path), source: InMemorySource([:]))
    }

    /// Loads and checks YAML bytes held in memory; `path` names them in diagnostics. It stands
    /// alone, as ``load(text:path:)`` does.
    public func load(bytes: [UInt8], path: String) -> LoadedDocument {
        finish(YAMLLoader(limits: limits).load(bytes, path: path), source: InMemorySource([:]))
    }

    private func finish(_ yaml: YAMLDocument, source: any DocumentSource) -> LoadedDocument {
        var composer = Composer(source: source, loader: YAMLLoader(limits: limits))
        let composed = composer.compose(yaml)
        var diagnostics = composer.diagnostics
        var checked: CheckedDocument?
        let isVocabulary = composed?.unit.isVocabulary ?? false
        // Consumed, so that the scope's parts are moved into the document rather than shared
        // with a tuple that outlives it (which would make clearing their files copy them all).
        if !composer.failed, case .some(let (unit, scope)) = consume composed {
            let document = Self.document(unit, scope, files: composer.files)
            diagnostics += Checker.check(document, warnUnused: !composer.incomplete && !isVocabulary)
            diagnostics.sort(by: Diagnostic.presentationOrder)
            if !diagnostics.containsErrors && !isVocabulary { checked = CheckedDocument(document, warnings: diagnostics) }
        } else {
            diagnostics.sort(by: Diagnostic.presentationOrder)
        }
        return LoadedDocument(source: yaml.source, sources: composer.sources, isVocabulary: isVocabulary,
                              checked: checked, diagnostics: diagnostics)
    }

    /// The composed document: the file's own header, with every file's declarations and rules.
    /// A standalone document's parts carry no file, as it has only one.
    private static func document(_ unit: DocumentUnit, _ scope: consuming Composer.Scope, files: [String]) -> ThresholdDocument {
        var document: ThresholdDocument
        switch unit.kind {
        case .document(let header):
            document = header
        case .vocabulary(let title):
            // Only checked, never evaluated: the header is a stand-in.
            document = ThresholdDocument(file: unit.path, dslVersion: 1, board: title, title: title, version: "",
                                         effective: LocalDate.epoch, levels: [], facts: [], events: [],
                                         definitions: [], rules: [])
        }
        // The scope's parts are moved into the document, not shared with it, so that clearing
        // their files below changes them in place instead of copying every one.
        document.levels = take(&scope.levels)
        document.facts = take(&scope.facts)
        document.events = take(&scope.events)
        document.definitions = take(&scope.definitions)
        document.tables = take(&scope.tables)
        document.rules = take(&scope.rules)
        document.removedRules = take(&scope.removed)
        document.unreadableNames = scope.unreadableNames
        document.files = files
        if !unit.composes {
            for index in document.levels.indices { document.levels[index].file = nil }
            for index in document.facts.indices { document.facts[index].file = nil }
            for index in document.events.indices { document.events[index].file = nil }
            for index in document.definitions.indices { document.definitions[index].file = nil }
            for index in document.tables.indices { document.tables[index].file = nil }
            for index in document.rules.indices { document.rules[index].file = nil }
        }
        return document
    }
}

/// The array `array` held, leaving it empty: a move, where an assignment would share the storage.
private func take<Element>(_ array: inout [Element]) -> [Element] {
    var taken: [Element] = []
    swap(&taken, &array)
    return taken
}
